package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * A transformer applied to its arguments: {@code tolower(proc.name)}, {@code len(basename(fd.name))},
 * {@code concat(proc.name, "-", proc.pname)}. Arguments are {@link FieldOperand}s or
 * {@link StringLit}s.
 */
public record Transform(Transformer transformer, List<Operand> arguments, SourceSpan span) implements FieldOperand {

    /** Copies and validates the arguments. */
    public Transform {
        Objects.requireNonNull(transformer, "transformer");
        Objects.requireNonNull(span, "span");
        arguments = List.copyOf(arguments);
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException(transformer.functionName() + "() needs an argument");
        }
        for (Operand a : arguments) {
            if (!(a instanceof FieldOperand || a instanceof StringLit)) {
                throw new IllegalArgumentException(transformer.functionName() + "() arguments are fields or strings");
            }
        }
    }
}
