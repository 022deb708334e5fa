package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/** A list named without parentheses: {@code proc.name in shell_binaries}. */
public record ListRef(String name, SourceSpan span) implements Value {

    /** Validates the fields. */
    public ListRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(span, "span");
    }
}
