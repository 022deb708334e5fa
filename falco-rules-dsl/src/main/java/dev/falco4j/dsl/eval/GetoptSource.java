package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;
import dev.falco4j.dsl.match.ByteSearch;
import java.nio.charset.StandardCharsets;

/**
 * {@code getopt(args, "-c")}: in an argument list, the value of an option: the argument after
 * {@code -c}, or the rest of an argument written {@code -cVALUE}. Absent when the option is not
 * there or has no value.
 */
public final class GetoptSource<C> implements ValueSource<C> {

    private final ValueSource<C> args;
    private final byte[] option;
    private final FieldValue item = new FieldValue();

    /** Looks for {@code option} in the values of {@code args}. */
    public GetoptSource(ValueSource<C> args, String option) {
        this.args = args;
        this.option = option.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean load(C ctx, FieldValue out) {
        int n = args.multiValued() ? args.count(ctx) : 1;
        for (int i = 0; i < n; i++) {
            if (!args.loadAt(ctx, i, item)) {
                continue;
            }
            int len = item.length();
            if (len < option.length || !ByteSearch.regionEquals(item.bytes(), item.offset(), option, 0, option.length)) {
                continue;
            }
            if (len > option.length) {
                out.setBytes(item.bytes(), item.offset() + option.length, len - option.length);
                return true;
            }
            return i + 1 < n && args.loadAt(ctx, i + 1, out);
        }
        return false;
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
        return "getopt(" + args + ", \"" + new String(option, StandardCharsets.UTF_8) + "\")";
    }
}
