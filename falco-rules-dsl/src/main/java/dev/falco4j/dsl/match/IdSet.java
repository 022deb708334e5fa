package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;
import java.util.BitSet;

/**
 * Membership of a small non-negative id (an event type) in a fixed set: one array lookup.
 * Ids outside the table are not members.
 */
public final class IdSet implements ValueMatcher {

    private final boolean[] members;
    private final int cardinality;

    /** The set of the ids set in {@code ids}; {@code universe} is the number of possible ids. */
    public IdSet(BitSet ids, int universe) {
        members = new boolean[Math.max(universe, ids.length())];
        for (int i = ids.nextSetBit(0); i >= 0; i = ids.nextSetBit(i + 1)) {
            members[i] = true;
        }
        cardinality = ids.cardinality();
    }

    @Override
    public boolean matches(FieldValue value) {
        long id = value.longValue();
        return id >= 0 && id < members.length && members[(int) id];
    }

    @Override
    public String toString() {
        return "IdSet(" + cardinality + " ids)";
    }
}
