package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;

/** One side of a check, or an argument of a transformer. */
public sealed interface Operand permits FieldOperand, Value {

    /** Where the operand is in the source. */
    SourceSpan span();
}
