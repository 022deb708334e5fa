package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;

/**
 * String and byte comparisons against one constant: equality, order, substring, prefix, suffix,
 * each optionally ASCII case-insensitive (the constant is folded once, at compile time).
 */
public final class BytesComparison implements ValueMatcher {

    /** What to compare. */
    public enum Kind {
        /** Equal bytes. */
        EQUALS,
        /** Different bytes. */
        NOT_EQUALS,
        /** Value sorts before the constant (unsigned bytes). */
        LESS,
        /** Value sorts before or equal. */
        LESS_OR_EQUAL,
        /** Value sorts after. */
        GREATER,
        /** Value sorts after or equal. */
        GREATER_OR_EQUAL,
        /** Constant occurs in the value. */
        CONTAINS,
        /** Constant occurs in the value, ignoring ASCII case. */
        CONTAINS_IGNORE_CASE,
        /** Value starts with the constant. */
        STARTS_WITH,
        /** Value ends with the constant. */
        ENDS_WITH
    }

    private final Kind kind;
    private final byte[] constant;

    /** A comparison with {@code constant} (already hex-decoded or folded as the operator requires). */
    public BytesComparison(Kind kind, byte[] constant) {
        this.kind = kind;
        this.constant = kind == Kind.CONTAINS_IGNORE_CASE ? fold(constant) : constant.clone();
    }

    private static byte[] fold(byte[] b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = ByteSearch.lower(b[i]);
        }
        return out;
    }

    @Override
    public boolean matches(FieldValue v) {
        byte[] a = v.bytes();
        int off = v.offset();
        int len = v.length();
        byte[] c = constant;
        switch (kind) {
            case EQUALS:
                return len == c.length && ByteSearch.regionEquals(a, off, c, 0, len);
            case NOT_EQUALS:
                return len != c.length || !ByteSearch.regionEquals(a, off, c, 0, len);
            case STARTS_WITH:
                return len >= c.length && ByteSearch.regionEquals(a, off, c, 0, c.length);
            case ENDS_WITH:
                return len >= c.length && ByteSearch.regionEquals(a, off + len - c.length, c, 0, c.length);
            case CONTAINS:
                return ByteSearch.indexOf(a, off, len, c) >= 0;
            case CONTAINS_IGNORE_CASE:
                return ByteSearch.indexOfIgnoreCase(a, off, len, c) >= 0;
            case LESS:
                return ByteSearch.compare(a, off, len, c, 0, c.length) < 0;
            case LESS_OR_EQUAL:
                return ByteSearch.compare(a, off, len, c, 0, c.length) <= 0;
            case GREATER:
                return ByteSearch.compare(a, off, len, c, 0, c.length) > 0;
            default:
                return ByteSearch.compare(a, off, len, c, 0, c.length) >= 0;
        }
    }

    @Override
    public String toString() {
        return kind + "(" + new String(constant, StandardCharsets.UTF_8) + ")";
    }
}
