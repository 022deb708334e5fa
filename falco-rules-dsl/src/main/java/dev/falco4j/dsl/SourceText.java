package dev.falco4j.dsl;

import java.util.Objects;

/**
 * The text of one condition and where it sits in its file, to turn character offsets into
 * {@link SourceSpan}s in file coordinates and to draw caret lines.
 *
 * <p>Line 1 of the condition is line {@code baseLine} of the file and starts at column
 * {@code baseColumn}; following lines keep their own columns (a YAML block scalar's indentation is
 * the loader's to add through {@code baseColumn} of the individual lines if it wants exact columns).
 *
 * @param text       the condition text
 * @param name       source name used in messages (a file name, or {@code <condition>})
 * @param baseLine   file line of the condition's first line (1-based)
 * @param baseColumn file column of the condition's first character (1-based)
 */
public record SourceText(String text, String name, int baseLine, int baseColumn) {

    /** Validates the fields. */
    public SourceText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(name, "name");
        if (baseLine < 1 || baseColumn < 1) {
            throw new IllegalArgumentException("base line and column are 1-based");
        }
    }

    /** A condition that is its own source ({@code <condition>}, line 1, column 1). */
    public static SourceText of(String text) {
        return new SourceText(text, "<condition>", 1, 1);
    }

    /** The span of {@code length} characters at {@code offset} of the text, in file coordinates. */
    public SourceSpan span(int offset, int length) {
        int off = Math.max(0, Math.min(offset, text.length()));
        int line = 0;
        int lineStart = 0;
        for (int i = 0; i < off; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = off - lineStart + 1;
        if (line == 0) {
            column += baseColumn - 1;
        }
        return new SourceSpan(name, baseLine + line, column, off, Math.max(0, length));
    }

    /** A diagnostic at {@code span} with the condition line and caret filled in when the span is in this text. */
    public Diagnostic diagnostic(Diagnostic.Severity severity, SourceSpan span, String message) {
        if (!span.file().equals(name) || span.offset() > text.length() || span == SourceSpan.NONE) {
            return new Diagnostic(severity, span, message, "", 0);
        }
        int lineStart = text.lastIndexOf('\n', span.offset() - 1) + 1;
        int lineEnd = text.indexOf('\n', span.offset());
        if (lineEnd < 0) {
            lineEnd = text.length();
        }
        String line = text.substring(lineStart, lineEnd);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return new Diagnostic(severity, span, message, line, span.offset() - lineStart + 1);
    }
}
