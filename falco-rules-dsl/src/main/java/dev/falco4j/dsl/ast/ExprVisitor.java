package dev.falco4j.dsl.ast;

/**
 * Visits the closed set of {@link Expr} kinds.
 *
 * @param <R> result of a visit
 */
public interface ExprVisitor<R> {
    /** Visits a conjunction. */
    R visitAnd(And and);

    /** Visits a disjunction. */
    R visitOr(Or or);

    /** Visits a negation. */
    R visitNot(Not not);

    /** Visits a field check. */
    R visitCheck(Check check);

    /** Visits a macro reference. */
    R visitMacroRef(MacroRef ref);
}
