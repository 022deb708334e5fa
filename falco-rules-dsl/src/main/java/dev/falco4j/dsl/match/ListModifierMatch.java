package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;

/**
 * A string operator applied to each item of a list with a modifier: {@code anyof} (at least one
 * matches, stops at the first), {@code allof} (all match, stops at the first miss), {@code oneof}
 * (exactly one matches).
 */
public final class ListModifierMatch implements ValueMatcher {

    /** How item results combine. */
    public enum Mode {
        /** At least one. */
        ANY,
        /** All. */
        ALL,
        /** Exactly one. */
        ONE
    }

    private final Mode mode;
    private final ValueMatcher[] items;

    /** Combines one matcher per list item. */
    public ListModifierMatch(Mode mode, ValueMatcher[] items) {
        this.mode = mode;
        this.items = items.clone();
    }

    @Override
    public boolean matches(FieldValue v) {
        switch (mode) {
            case ANY:
                for (ValueMatcher m : items) {
                    if (m.matches(v)) {
                        return true;
                    }
                }
                return false;
            case ALL:
                for (ValueMatcher m : items) {
                    if (!m.matches(v)) {
                        return false;
                    }
                }
                return items.length > 0;
            default:
                int hits = 0;
                for (ValueMatcher m : items) {
                    if (m.matches(v) && ++hits > 1) {
                        return false;
                    }
                }
                return hits == 1;
        }
    }

    @Override
    public String toString() {
        return mode + "OF" + java.util.Arrays.toString(items);
    }
}
