package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * {@code a or b or c}: true when any operand is true, evaluated left to right with
 * short-circuit. A parenthesised disjunction inside a disjunction stays a separate node.
 */
public record Or(List<Expr> operands, SourceSpan span) implements Expr {

    /** Copies the operands; at least two are required. */
    public Or {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("'or' needs at least two operands");
        }
        Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitOr(this);
    }
}
