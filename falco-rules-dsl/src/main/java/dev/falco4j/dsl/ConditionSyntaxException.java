package dev.falco4j.dsl;

import java.util.List;

/** Thrown only when a caller asks for an AST ({@link ParseResult#exprOrThrow()}) of invalid text. */
public final class ConditionSyntaxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    /** Wraps the diagnostics; the message is their rendering. */
    public ConditionSyntaxException(List<Diagnostic> diagnostics) {
        super(render(diagnostics), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The problems found. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    private static String render(List<Diagnostic> diagnostics) {
        StringBuilder sb = new StringBuilder();
        for (Diagnostic d : diagnostics) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(d.render());
        }
        return sb.toString();
    }
}
