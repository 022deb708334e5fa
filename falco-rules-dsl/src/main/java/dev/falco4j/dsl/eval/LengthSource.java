package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;

/**
 * {@code len(x)}: byte length of a string value, or number of values of a multi-valued source
 * (0 when it has none).
 */
public final class LengthSource<C> implements ValueSource<C> {

    private final ValueSource<C> inner;
    private final FieldValue input = new FieldValue();

    /** Length of {@code inner}. */
    public LengthSource(ValueSource<C> inner) {
        this.inner = inner;
    }

    @Override
    public boolean load(C ctx, FieldValue out) {
        if (inner.multiValued()) {
            out.setLong(inner.count(ctx));
            return true;
        }
        if (!inner.load(ctx, input)) {
            return false;
        }
        out.setLong(input.length());
        return true;
    }

    @Override
    public boolean multiValued() {
        return false;
    }

    @Override
    public int count(C ctx) {
        return 0;
    }

    @Override
    public boolean loadAt(C ctx, int index, FieldValue out) {
        return index == 0 && load(ctx, out);
    }

    @Override
    public String toString() {
        return "len(" + inner + ")";
    }
}
