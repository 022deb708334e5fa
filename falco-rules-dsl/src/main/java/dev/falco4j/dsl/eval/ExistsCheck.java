package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;

/** {@code field exists}: the field has a value (a multi-valued field: at least one). */
public final class ExistsCheck<C> implements PredicateNode<C> {

    private final ValueSource<C> source;
    private final FieldValue value = new FieldValue();

    /** Tests presence of {@code source}. */
    public ExistsCheck(ValueSource<C> source) {
        this.source = source;
    }

    @Override
    public boolean test(C ctx) {
        return source.multiValued() ? source.count(ctx) > 0 : source.load(ctx, value);
    }

    @Override
    public String toString() {
        return source + " exists";
    }
}
