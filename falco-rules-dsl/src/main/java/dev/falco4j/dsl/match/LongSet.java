package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;

/** {@code in} over numbers: an open-addressing hash set of longs (linear probing, power-of-two table). */
public final class LongSet implements ValueMatcher {

    private final long[] table;
    private final boolean[] used;
    private final int mask;
    private final int size;

    /** A set of the given values (duplicates allowed). */
    public LongSet(long[] values) {
        int cap = Integer.highestOneBit(Math.max(4, values.length * 2 + 1) - 1) << 1;
        table = new long[cap];
        used = new boolean[cap];
        mask = cap - 1;
        int n = 0;
        for (long v : values) {
            int i = slot(v);
            while (used[i] && table[i] != v) {
                i = (i + 1) & mask;
            }
            if (!used[i]) {
                used[i] = true;
                table[i] = v;
                n++;
            }
        }
        size = n;
    }

    private int slot(long v) {
        long h = v * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    /** Whether {@code v} is in the set. */
    public boolean contains(long v) {
        int i = slot(v);
        while (used[i]) {
            if (table[i] == v) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    @Override
    public boolean matches(FieldValue value) {
        return contains(value.longValue());
    }

    @Override
    public String toString() {
        return "LongSet(" + size + " values)";
    }
}
