package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;
import dev.falco4j.dsl.match.ByteSearch;

/**
 * Field-to-field comparison ({@code proc.name = val(proc.pname)},
 * {@code tolower(a) contains tolower(b)}): both values are loaded per event; false when either is
 * absent.
 */
public final class FieldPairCheck<C> implements PredicateNode<C> {

    /** The comparison. */
    public enum Kind {
        /** Equal. */
        EQ,
        /** Not equal. */
        NE,
        /** Less than. */
        LT,
        /** Less or equal. */
        LE,
        /** Greater than. */
        GT,
        /** Greater or equal. */
        GE,
        /** Left contains right (bytes). */
        CONTAINS,
        /** Left contains right ignoring ASCII case. */
        ICONTAINS,
        /** Left starts with right. */
        STARTSWITH,
        /** Left ends with right. */
        ENDSWITH
    }

    /** How values are compared. */
    public enum Domain {
        /** Signed longs. */
        SIGNED,
        /** Unsigned longs. */
        UNSIGNED,
        /** Byte strings (strings, bytes, addresses). */
        BYTES
    }

    private final ValueSource<C> left;
    private final ValueSource<C> right;
    private final Kind kind;
    private final Domain domain;
    private final FieldValue a = new FieldValue();
    private final FieldValue b = new FieldValue();

    /** Compares {@code left <kind> right} in {@code domain}. */
    public FieldPairCheck(ValueSource<C> left, Kind kind, ValueSource<C> right, Domain domain) {
        this.left = left;
        this.right = right;
        this.kind = kind;
        this.domain = domain;
    }

    @Override
    public boolean test(C ctx) {
        if (!left.load(ctx, a) || !right.load(ctx, b)) {
            return false;
        }
        int cmp;
        if (domain == Domain.SIGNED) {
            cmp = Long.compare(a.longValue(), b.longValue());
        } else if (domain == Domain.UNSIGNED) {
            cmp = Long.compareUnsigned(a.longValue(), b.longValue());
        } else {
            switch (kind) {
                case CONTAINS:
                    return contains(false);
                case ICONTAINS:
                    return contains(true);
                case STARTSWITH:
                    return a.length() >= b.length()
                            && ByteSearch.regionEquals(a.bytes(), a.offset(), b.bytes(), b.offset(), b.length());
                case ENDSWITH:
                    return a.length() >= b.length() && ByteSearch.regionEquals(a.bytes(),
                            a.offset() + a.length() - b.length(), b.bytes(), b.offset(), b.length());
                default:
                    cmp = ByteSearch.compare(a.bytes(), a.offset(), a.length(), b.bytes(), b.offset(), b.length());
            }
        }
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

    private boolean contains(boolean fold) {
        byte[] h = a.bytes();
        int hOff = a.offset();
        int hLen = a.length();
        byte[] n = b.bytes();
        int nOff = b.offset();
        int nLen = b.length();
        outer:
        for (int i = 0; i + nLen <= hLen; i++) {
            for (int j = 0; j < nLen; j++) {
                byte x = h[hOff + i + j];
                byte y = n[nOff + j];
                if (x != y && (!fold || ByteSearch.lower(x) != ByteSearch.lower(y))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public String toString() {
        return left + " " + kind + " " + right;
    }
}
