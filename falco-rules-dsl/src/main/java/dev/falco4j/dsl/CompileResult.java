package dev.falco4j.dsl;

import java.util.List;

/**
 * The outcome of compiling a condition: the compiled condition unless there are errors, plus all
 * diagnostics (type errors with positions, and warnings such as "matches every event type").
 *
 * @param condition   the compiled condition, or {@code null} when any diagnostic is an error
 * @param diagnostics errors and warnings in source order
 * @param <C>         the host's per-event context
 */
public record CompileResult<C>(CompiledCondition<C> condition, List<Diagnostic> diagnostics) {

    /** Copies the diagnostics. */
    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether compilation succeeded (warnings allowed). */
    public boolean ok() {
        return condition != null;
    }

    /** The errors only. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    /** The warnings only. */
    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }

    /** The compiled condition, or a {@link ConditionCompileException} carrying the errors. */
    public CompiledCondition<C> conditionOrThrow() {
        if (condition == null) {
            throw new ConditionCompileException(errors());
        }
        return condition;
    }
}
