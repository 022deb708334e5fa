package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/** {@code not e}: negation; binds tighter than {@code and} and {@code or}. */
public record Not(Expr operand, SourceSpan span) implements Expr {

    /** Validates the fields. */
    public Not {
        Objects.requireNonNull(operand, "operand");
        Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitNot(this);
    }
}
