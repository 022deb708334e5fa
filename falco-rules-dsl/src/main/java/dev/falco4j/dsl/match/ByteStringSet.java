package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code in} over strings: an open-addressing hash set of byte strings, so a 50-item list costs
 * one hash of the value and usually one comparison. Optionally ASCII case-insensitive.
 */
public final class ByteStringSet implements ValueMatcher {

    private final byte[][] table;
    private final int[] hashes;
    private final int mask;
    private final int size;
    private final int minLength;
    private final int maxLength;

    /** A set of the given strings (duplicates allowed). */
    public ByteStringSet(List<byte[]> values) {
        int cap = Integer.highestOneBit(Math.max(4, values.size() * 2 + 1) - 1) << 1;
        table = new byte[cap][];
        hashes = new int[cap];
        mask = cap - 1;
        int n = 0;
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (byte[] v : values) {
            if (add(v)) {
                n++;
            }
            min = Math.min(min, v.length);
            max = Math.max(max, v.length);
        }
        size = n;
        minLength = values.isEmpty() ? 1 : min;
        maxLength = values.isEmpty() ? 0 : max;
    }

    private boolean add(byte[] v) {
        int h = ByteSearch.hash(v, 0, v.length);
        int i = h & mask;
        while (table[i] != null) {
            if (hashes[i] == h && table[i].length == v.length && ByteSearch.regionEquals(table[i], 0, v, 0, v.length)) {
                return false;
            }
            i = (i + 1) & mask;
        }
        table[i] = v.clone();
        hashes[i] = h;
        return true;
    }

    /** Whether {@code a[off..off+len)} is in the set. */
    public boolean contains(byte[] a, int off, int len) {
        if (len < minLength || len > maxLength) {
            return false;
        }
        int h = ByteSearch.hash(a, off, len);
        int i = h & mask;
        byte[] e;
        while ((e = table[i]) != null) {
            if (hashes[i] == h && e.length == len && ByteSearch.regionEquals(e, 0, a, off, len)) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** Number of distinct strings. */
    public int size() {
        return size;
    }

    @Override
    public boolean matches(FieldValue v) {
        return contains(v.bytes(), v.offset(), v.length());
    }

    @Override
    public String toString() {
        return "ByteStringSet(" + size + " strings)";
    }
}
