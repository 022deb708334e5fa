package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;
import dev.falco4j.dsl.match.ByteSearch;

/**
 * The one-value-to-one-value transformers: {@code tolower}, {@code toupper}, {@code basename},
 * {@code b64}. Applied to each value of a multi-valued source.
 */
public final class MappingSource<C> implements ValueSource<C> {

    /** The mapping. */
    public enum Mapping {
        /** ASCII lower case. */
        TOLOWER,
        /** ASCII upper case. */
        TOUPPER,
        /** Text after the last '/'. */
        BASENAME,
        /** Base64 decoding (standard alphabet, padding optional); invalid input is absent. */
        B64
    }

    private final Mapping mapping;
    private final ValueSource<C> inner;
    private final FieldValue input = new FieldValue();

    /** Applies {@code mapping} to the values of {@code inner}. */
    public MappingSource(Mapping mapping, ValueSource<C> inner) {
        this.mapping = mapping;
        this.inner = inner;
    }

    @Override
    public boolean load(C ctx, FieldValue out) {
        return inner.load(ctx, input) && map(out);
    }

    @Override
    public boolean multiValued() {
        return inner.multiValued();
    }

    @Override
    public int count(C ctx) {
        return inner.count(ctx);
    }

    @Override
    public boolean loadAt(C ctx, int index, FieldValue out) {
        return inner.loadAt(ctx, index, input) && map(out);
    }

    private boolean map(FieldValue out) {
        byte[] a = input.bytes();
        int off = input.offset();
        int len = input.length();
        switch (mapping) {
            case BASENAME: {
                int i = off + len - 1;
                while (i >= off && a[i] != '/') {
                    i--;
                }
                out.setBytes(a, i + 1, off + len - i - 1);
                return true;
            }
            case B64:
                return decodeBase64(a, off, len, out);
            default: {
                byte[] dst = out.scratch(len);
                boolean lower = mapping == Mapping.TOLOWER;
                for (int i = 0; i < len; i++) {
                    byte b = a[off + i];
                    dst[i] = lower ? ByteSearch.lower(b) : ByteSearch.upper(b);
                }
                out.setScratchLength(len);
                return true;
            }
        }
    }

    private static boolean decodeBase64(byte[] a, int off, int len, FieldValue out) {
        while (len > 0 && a[off + len - 1] == '=') {
            len--;
        }
        if (len % 4 == 1) {
            return false;
        }
        byte[] dst = out.scratch(len * 3 / 4 + 3);
        int bits = 0;
        int nbits = 0;
        int n = 0;
        for (int i = off; i < off + len; i++) {
            int d = sextet(a[i]);
            if (d < 0) {
                return false;
            }
            bits = (bits << 6) | d;
            nbits += 6;
            if (nbits >= 8) {
                nbits -= 8;
                dst[n++] = (byte) (bits >>> nbits);
            }
        }
        out.setScratchLength(n);
        return true;
    }

    private static int sextet(byte b) {
        if (b >= 'A' && b <= 'Z') {
            return b - 'A';
        }
        if (b >= 'a' && b <= 'z') {
            return b - 'a' + 26;
        }
        if (b >= '0' && b <= '9') {
            return b - '0' + 52;
        }
        if (b == '+') {
            return 62;
        }
        return b == '/' ? 63 : -1;
    }

    @Override
    public String toString() {
        return mapping.name().toLowerCase(java.util.Locale.ROOT) + "(" + inner + ")";
    }
}
