package dev.falco4j.dsl;

import java.util.List;

/** Thrown only when a caller asks for the condition of a failed compilation. */
public final class ConditionCompileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> diagnostics;

    /** Wraps the errors; the message is their rendering. */
    public ConditionCompileException(List<Diagnostic> diagnostics) {
        super(String.join("\n", diagnostics.stream().map(Diagnostic::render).toList()), null, false, false);
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The errors. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
