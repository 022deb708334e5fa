package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;

/**
 * The opposite of a matcher, for {@code !=} on sets, networks and event types. Unlike a {@code not}
 * around the whole check, it still requires the value to be present: {@code fd.sip != 10.0.0.1}
 * is false when the event has no address, as in Falco.
 */
public final class NegatedMatch implements ValueMatcher {

    private final ValueMatcher inner;

    /** Negates {@code inner}. */
    public NegatedMatch(ValueMatcher inner) {
        this.inner = inner;
    }

    @Override
    public boolean matches(FieldValue v) {
        return !inner.matches(v);
    }

    @Override
    public String toString() {
        return "NOT " + inner;
    }
}
