package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;

/** {@code join(sep, field)}: the values of a multi-valued source joined by a separator. */
public final class JoinSource<C> implements ValueSource<C> {

    private final byte[] separator;
    private final ValueSource<C> inner;
    private final FieldValue item = new FieldValue();
    private final ByteAccumulator acc = new ByteAccumulator();

    /** Joins the values of {@code inner} with {@code separator}. */
    public JoinSource(String separator, ValueSource<C> inner) {
        this.separator = separator.getBytes(StandardCharsets.UTF_8);
        this.inner = inner;
    }

    @Override
    public boolean load(C ctx, FieldValue out) {
        acc.clear();
        if (!inner.multiValued()) {
            if (!inner.load(ctx, item)) {
                return false;
            }
            acc.append(item.bytes(), item.offset(), item.length());
        } else {
            int n = inner.count(ctx);
            for (int i = 0; i < n; i++) {
                if (!inner.loadAt(ctx, i, item)) {
                    continue;
                }
                if (acc.length() > 0 || i > 0) {
                    acc.append(separator, 0, separator.length);
                }
                acc.append(item.bytes(), item.offset(), item.length());
            }
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
        return "join(\"" + new String(separator, StandardCharsets.UTF_8) + "\", " + inner + ")";
    }
}
