package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/**
 * A field reference: {@code proc.name}, {@code proc.aname[2]}, {@code proc.env[HOME]},
 * {@code evt.arg.name}.
 *
 * @param name     the dotted field name
 * @param argument the text between brackets (unquoted), or {@code null} when there are none
 * @param span     the whole reference including the argument
 */
public record FieldRef(String name, String argument, SourceSpan span) implements FieldOperand {

    /** Validates the fields. */
    public FieldRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(span, "span");
    }

    /** Whether an argument was given. */
    public boolean hasArgument() {
        return argument != null;
    }
}
