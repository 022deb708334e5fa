package dev.falco4j.dsl;

import java.util.Objects;

/**
 * A problem found while parsing or compiling a condition: errors stop the condition from loading,
 * warnings (for example "matches every event type") do not.
 *
 * @param severity   error or warning
 * @param span       where the problem is, in file coordinates
 * @param message    one sentence, no trailing period, no position (the span carries it)
 * @param sourceLine the text of the condition line the span starts on, used to draw the caret;
 *                   empty when unknown
 * @param lineColumn 1-based column of the span inside {@code sourceLine} (differs from
 *                   {@code span.column()} on the first line of a condition embedded in a file)
 */
public record Diagnostic(Severity severity, SourceSpan span, String message, String sourceLine, int lineColumn) {

    /** How bad a diagnostic is. */
    public enum Severity {
        /** The condition cannot be used. */
        ERROR,
        /** The condition works but probably not as intended, or will be slow. */
        WARNING;

        /** Lower-case label used in rendered messages. */
        public String label() {
            return this == ERROR ? "error" : "warning";
        }
    }

    /** Validates the fields. */
    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(message, "message");
        sourceLine = sourceLine == null ? "" : sourceLine;
    }

    /** Whether this diagnostic is an error. */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /**
     * Renders {@code file:line:col: error: message}, then the source line and a caret under the
     * column, the way compilers do. Tabs in the source line are kept so the caret lines up.
     */
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(span.file()).append(':').append(span.line()).append(':').append(span.column())
                .append(": ").append(severity.label()).append(": ").append(message);
        if (!sourceLine.isEmpty() && lineColumn >= 1) {
            sb.append('\n').append(sourceLine).append('\n');
            int upTo = Math.min(lineColumn - 1, sourceLine.length());
            for (int i = 0; i < upTo; i++) {
                sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
            }
            sb.append('^');
        }
        return sb.toString();
    }

    /** Same as {@link #render()}. */
    @Override
    public String toString() {
        return render();
    }
}
