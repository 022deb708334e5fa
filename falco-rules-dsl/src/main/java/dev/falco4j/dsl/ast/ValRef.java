package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/** {@code val(field)} on the right: compares against another field of the same event. */
public record ValRef(FieldOperand field, SourceSpan span) implements Value {

    /** Validates the fields. */
    public ValRef {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(span, "span");
    }
}
