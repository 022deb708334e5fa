package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/**
 * A check of a field: {@code fd.name startswith /etc}, {@code proc.name in (a, b)},
 * {@code fd.name exists}, {@code proc.name startswith anyof (a, b)}.
 *
 * @param left     the field, possibly transformed
 * @param operator the operator
 * @param modifier the list modifier ({@link ListModifier#NONE} unless written)
 * @param right    the right operand; {@code null} exactly when the operator is unary ({@code exists})
 * @param span     the whole check
 */
public record Check(FieldOperand left, Operator operator, ListModifier modifier, Operand right, SourceSpan span)
        implements Expr {

    /** Validates the combination of operator, modifier and operand. */
    public Check {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(modifier, "modifier");
        Objects.requireNonNull(span, "span");
        if (operator.isUnary() != (right == null)) {
            throw new IllegalArgumentException(operator.isUnary()
                    ? "'" + operator.symbol() + "' takes no right operand"
                    : "'" + operator.symbol() + "' needs a right operand");
        }
        if (modifier != ListModifier.NONE && !(right instanceof ListLit || right instanceof ListRef)) {
            throw new IllegalArgumentException("list modifier '" + modifier.keyword() + "' needs a list");
        }
        if (right instanceof FieldRef) {
            // field-to-field comparisons are spelled val(field) or transformer(field) on the right
            throw new IllegalArgumentException("a bare field on the right must be wrapped in val()");
        }
    }

    /** A unary check ({@code exists}). */
    public static Check unary(FieldOperand left, Operator operator, SourceSpan span) {
        return new Check(left, operator, ListModifier.NONE, null, span);
    }

    /** A binary check without list modifier. */
    public static Check binary(FieldOperand left, Operator operator, Operand right, SourceSpan span) {
        return new Check(left, operator, ListModifier.NONE, right, span);
    }

    /** A copy with another right operand (same operator, modifier and span). */
    public Check withRight(Operand newRight) {
        return new Check(left, operator, modifier, newRight, span);
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitCheck(this);
    }
}
