package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;
import java.util.Arrays;

/** {@code concat(a, b, ...)}: the string values concatenated; absent when any part is absent. */
public final class ConcatSource<C> implements ValueSource<C> {

    private final ValueSource<C>[] parts;
    private final FieldValue part = new FieldValue();
    private final ByteAccumulator acc = new ByteAccumulator();

    /** Concatenation of {@code parts} (scalar string sources). */
    public ConcatSource(ValueSource<C>[] parts) {
        this.parts = parts.clone();
    }

    @Override
    public boolean load(C ctx, FieldValue out) {
        acc.clear();
        for (ValueSource<C> p : parts) {
            if (!p.load(ctx, part)) {
                return false;
            }
            acc.append(part.bytes(), part.offset(), part.length());
        }
        out.setBytes(acc.buffer(), 0, acc.length());
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
        return "concat" + Arrays.toString(parts);
    }
}
