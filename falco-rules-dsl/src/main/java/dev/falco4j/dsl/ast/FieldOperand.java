package dev.falco4j.dsl.ast;

/** Something that yields field values per event: a field or a transformer applied to fields. */
public sealed interface FieldOperand extends Operand permits FieldRef, Transform {
}
