package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;

/** A literal string argument of a transformer ({@code concat(proc.name, "-x")}). */
public final class ConstantSource<C> implements ValueSource<C> {

    private final byte[] value;

    /** The UTF-8 bytes of {@code text}. */
    public ConstantSource(String text) {
        this.value = text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean load(C ctx, FieldValue out) {
        out.setBytes(value, 0, value.length);
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
        return "\"" + new String(value, StandardCharsets.UTF_8) + "\"";
    }
}
