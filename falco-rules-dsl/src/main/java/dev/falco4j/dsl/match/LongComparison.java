package dev.falco4j.dsl.match;

import dev.falco4j.dsl.compile.FieldValue;

/** Numeric comparison with a constant, signed or unsigned. */
public final class LongComparison implements ValueMatcher {

    /** The comparison. */
    public enum Kind {
        /** Equal. */
        EQ,
        /** Not equal. */
        NE,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE
    }

    private final Kind kind;
    private final long constant;
    private final boolean unsigned;

    /** A comparison {@code value <kind> constant}. */
    public LongComparison(Kind kind, long constant, boolean unsigned) {
        this.kind = kind;
        this.constant = constant;
        this.unsigned = unsigned;
    }

    @Override
    public boolean matches(FieldValue v) {
        long x = v.longValue();
        int cmp = unsigned ? Long.compareUnsigned(x, constant) : Long.compare(x, constant);
        switch (kind) {
            case EQ:
                return cmp == 0;
            case NE:
                return cmp != 0;
            case LT:
                return cmp < 0;
            case LE:
                return cmp <= 0;
            case GT:
                return cmp > 0;
            default:
                return cmp >= 0;
        }
    }

    @Override
    public String toString() {
        return kind + "(" + (unsigned ? Long.toUnsignedString(constant) : Long.toString(constant)) + ")";
    }
}
