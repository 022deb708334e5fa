package dev.falco4j.dsl;

import dev.falco4j.dsl.ast.Expr;
import java.util.List;

/**
 * The outcome of parsing one condition: the AST when the text is valid, and the diagnostics
 * (syntax errors are reported one at a time: the first one found).
 *
 * @param expr        the AST, or {@code null} when there are errors
 * @param diagnostics errors (empty on success)
 * @param source      the parsed text and its position in its file
 */
public record ParseResult(Expr expr, List<Diagnostic> diagnostics, SourceText source) {

    /** Copies the diagnostics. */
    public ParseResult {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Whether parsing succeeded. */
    public boolean ok() {
        return expr != null;
    }

    /** The AST, or a {@link ConditionSyntaxException} carrying the diagnostics. */
    public Expr exprOrThrow() {
        if (expr == null) {
            throw new ConditionSyntaxException(diagnostics);
        }
        return expr;
    }
}
