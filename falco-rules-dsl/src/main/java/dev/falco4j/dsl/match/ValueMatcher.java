package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;

/**
 * Tests one extracted value against operands fixed at compile time. Implementations are final,
 * immutable apart from private scratch state, and allocate nothing in {@link #matches}.
 */
public interface ValueMatcher {

    /** Whether the value satisfies the check. */
    boolean matches(FieldValue value);
}
