package dev.falco4j.dsl.ast;

/** A right-hand side that is not a transformer: a literal, a list, a list reference or {@code val(field)}. */
public sealed interface Value extends Operand permits StringLit, ListLit, ListRef, ValRef {
}
