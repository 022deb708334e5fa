package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * {@code a and b and c}: true when every operand is true, evaluated left to right with
 * short-circuit. A parenthesised conjunction inside a conjunction stays a separate node.
 */
public record And(List<Expr> operands, SourceSpan span) implements Expr {

    /** Copies the operands; at least two are required. */
    public And {
        operands = List.copyOf(operands);
        if (operands.size() < 2) {
            throw new IllegalArgumentException("'and' needs at least two operands");
        }
        Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitAnd(this);
    }
}
