package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Prefix lookups over many prefixes at once, for {@code startswith anyof (...)} and for
 * {@code pmatch}. Prefixes are bucketed by length, one hash set per distinct length, so a lookup
 * costs one hash probe per distinct prefix length no longer than the value, whatever the number
 * of prefixes.
 *
 * <p>In path mode ({@code pmatch}) a prefix matches a value that equals it or continues with
 * {@code /} after it: {@code /var/lib} matches {@code /var/lib/x} but not {@code /var/libx}. A
 * trailing slash on a prefix is ignored, and {@code /} matches every absolute path.
 */
public final class PrefixSet implements ValueMatcher {

    private final int[] lengths;
    private final ByteStringSet[] sets;
    private final boolean pathMode;
    private final boolean matchesAllAbsolute;

    /**
     * @param prefixes the prefixes
     * @param pathMode whether to match whole path components ({@code pmatch})
     */
    public PrefixSet(List<byte[]> prefixes, boolean pathMode) {
        this.pathMode = pathMode;
        TreeMap<Integer, List<byte[]>> byLength = new TreeMap<>();
        boolean root = false;
        for (byte[] p : prefixes) {
            byte[] q = p;
            if (pathMode) {
                int n = q.length;
                while (n > 0 && q[n - 1] == '/') {
                    n--;
                }
                if (n == 0 && q.length > 0) {
                    root = true;
                    continue;
                }
                if (n != q.length) {
                    byte[] r = new byte[n];
                    System.arraycopy(q, 0, r, 0, n);
                    q = r;
                }
            }
            byLength.computeIfAbsent(q.length, k -> new ArrayList<>()).add(q);
        }
        matchesAllAbsolute = root;
        lengths = new int[byLength.size()];
        sets = new ByteStringSet[byLength.size()];
        int i = 0;
        for (var e : byLength.entrySet()) {
            lengths[i] = e.getKey();
            sets[i] = new ByteStringSet(e.getValue());
            i++;
        }
    }

    @Override
    public boolean matches(FieldValue v) {
        byte[] a = v.bytes();
        int off = v.offset();
        int len = v.length();
        if (matchesAllAbsolute && len > 0 && a[off] == '/') {
            return true;
        }
        for (int i = 0; i < lengths.length; i++) {
            int n = lengths[i];
            if (n > len) {
                return false;
            }
            if (pathMode && n < len && a[off + n] != '/') {
                continue;
            }
            if (sets[i].contains(a, off, n)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return (pathMode ? "PathPrefixSet(" : "PrefixSet(") + lengths.length + " lengths)";
    }
}
