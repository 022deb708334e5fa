package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;
import dev.falco4j.dsl.match.ValueMatcher;

/** A check of a single-valued field against compile-time operands; false when the field is absent. */
public final class FieldCheck<C> implements PredicateNode<C> {

    private final ValueSource<C> source;
    private final ValueMatcher matcher;
    private final FieldValue value = new FieldValue();

    /** Checks the value of {@code source} with {@code matcher}. */
    public FieldCheck(ValueSource<C> source, ValueMatcher matcher) {
        this.source = source;
        this.matcher = matcher;
    }

    @Override
    public boolean test(C ctx) {
        return source.load(ctx, value) && matcher.matches(value);
    }

    @Override
    public String toString() {
        return source + " " + matcher;
    }
}
