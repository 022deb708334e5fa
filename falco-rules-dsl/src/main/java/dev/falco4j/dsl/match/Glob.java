package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;

/**
 * A glob pattern compiled once ({@code glob}, {@code iglob}): {@code *} matches any run of bytes
 * including {@code /}, {@code ?} one byte, {@code [abc]}, {@code [a-z]} and {@code [!x]}/{@code [^x]}
 * a byte class, backslash escapes the next character; the whole value must match.
 *
 * <p>Matching is iterative with a single backtrack point (the last {@code *}), so time is
 * O(value × pattern) at worst, never exponential, and allocation-free.
 */
public final class Glob implements ValueMatcher {

    private static final int LITERAL = 0;
    private static final int ANY_ONE = 1;
    private static final int ANY_RUN = 2;
    private static final int CLASS = 3;

    private final String source;
    private final boolean ignoreCase;
    /** Element kinds. */
    private final int[] kinds;
    /** For LITERAL the byte; for CLASS the index into {@link #classes}. */
    private final int[] args;
    private final boolean[][] classes;

    /** Compiles {@code pattern}; {@code ignoreCase} folds ASCII letters on both sides. */
    public Glob(String pattern, boolean ignoreCase) {
        this.source = pattern;
        this.ignoreCase = ignoreCase;
        byte[] p = pattern.getBytes(StandardCharsets.UTF_8);
        int[] k = new int[p.length];
        int[] a = new int[p.length];
        boolean[][] cls = new boolean[p.length][];
        int n = 0;
        int nc = 0;
        for (int i = 0; i < p.length; i++) {
            byte b = p[i];
            if (b == '*') {
                if (n > 0 && k[n - 1] == ANY_RUN) {
                    continue;
                }
                k[n++] = ANY_RUN;
            } else if (b == '?') {
                k[n++] = ANY_ONE;
            } else if (b == '[' && classEnd(p, i) > 0) {
                int end = classEnd(p, i);
                cls[nc] = parseClass(p, i + 1, end, ignoreCase);
                k[n] = CLASS;
                a[n++] = nc++;
                i = end;
            } else {
                if (b == '\\' && i + 1 < p.length) {
                    b = p[++i];
                }
                k[n] = LITERAL;
                a[n++] = (ignoreCase ? ByteSearch.lower(b) : b) & 0xff;
            }
        }
        kinds = java.util.Arrays.copyOf(k, n);
        args = java.util.Arrays.copyOf(a, n);
        classes = java.util.Arrays.copyOf(cls, nc);
    }

    /** Index of the ']' closing a class opened at {@code open}, or -1 (then '[' is literal). */
    private static int classEnd(byte[] p, int open) {
        int i = open + 1;
        if (i < p.length && (p[i] == '!' || p[i] == '^')) {
            i++;
        }
        if (i < p.length && p[i] == ']') {
            i++; // a leading ']' is a member
        }
        for (; i < p.length; i++) {
            if (p[i] == ']') {
                return i;
            }
        }
        return -1;
    }

    private static boolean[] parseClass(byte[] p, int from, int end, boolean ignoreCase) {
        boolean[] set = new boolean[256];
        boolean negate = p[from] == '!' || p[from] == '^';
        int i = negate ? from + 1 : from;
        boolean first = true;
        while (i < end) {
            int lo = p[i] & 0xff;
            if (lo == ']' && !first) {
                break;
            }
            first = false;
            int hi = lo;
            if (i + 2 < end && p[i + 1] == '-') {
                hi = p[i + 2] & 0xff;
                i += 3;
            } else {
                i++;
            }
            for (int c = lo; c <= hi; c++) {
                set[c] = true;
                if (ignoreCase) {
                    set[ByteSearch.lower((byte) c) & 0xff] = true;
                    set[ByteSearch.upper((byte) c) & 0xff] = true;
                }
            }
        }
        if (negate) {
            for (int c = 0; c < 256; c++) {
                set[c] = !set[c];
            }
        }
        return set;
    }

    @Override
    public boolean matches(FieldValue v) {
        return matches(v.bytes(), v.offset(), v.length());
    }

    /** Whether the whole range matches the pattern. */
    public boolean matches(byte[] s, int off, int len) {
        int end = off + len;
        int si = off;
        int pi = 0;
        int starP = -1;
        int starS = 0;
        int[] k = kinds;
        while (si < end) {
            if (pi < k.length && k[pi] != ANY_RUN && elementMatches(pi, s[si])) {
                si++;
                pi++;
            } else if (pi < k.length && k[pi] == ANY_RUN) {
                starP = pi++;
                starS = si;
            } else if (starP >= 0) {
                pi = starP + 1;
                si = ++starS;
            } else {
                return false;
            }
        }
        while (pi < k.length && k[pi] == ANY_RUN) {
            pi++;
        }
        return pi == k.length;
    }

    private boolean elementMatches(int pi, byte b) {
        switch (kinds[pi]) {
            case LITERAL:
                return ((ignoreCase ? ByteSearch.lower(b) : b) & 0xff) == args[pi];
            case ANY_ONE:
                return true;
            default:
                return classes[args[pi]][b & 0xff];
        }
    }

    @Override
    public String toString() {
        return (ignoreCase ? "IGlob(" : "Glob(") + source + ")";
    }
}
