package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;

/** A boolean expression: the condition itself and each of its sub-conditions. */
public sealed interface Expr permits And, Or, Not, Check, MacroRef {

    /** Where the expression is in the source. */
    SourceSpan span();

    /** Double dispatch for callers that cannot use pattern matching on sealed types. */
    <R> R accept(ExprVisitor<R> visitor);
}
