package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;
import dev.falco4j.dsl.match.ValueMatcher;

/**
 * A check of a multi-valued field: with {@code requireAll} (the {@code in} operator) every value
 * must match and there must be at least one; otherwise ({@code intersects} and the other
 * operators) one matching value is enough.
 */
public final class MultiValueCheck<C> implements PredicateNode<C> {

    private final ValueSource<C> source;
    private final ValueMatcher matcher;
    private final boolean requireAll;
    private final FieldValue value = new FieldValue();

    /** Checks the values of {@code source}. */
    public MultiValueCheck(ValueSource<C> source, ValueMatcher matcher, boolean requireAll) {
        this.source = source;
        this.matcher = matcher;
        this.requireAll = requireAll;
    }

    @Override
    public boolean test(C ctx) {
        int n = source.count(ctx);
        if (n == 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            boolean hit = source.loadAt(ctx, i, value) && matcher.matches(value);
            if (requireAll != hit) {
                return hit;
            }
        }
        return requireAll;
    }

    @Override
    public String toString() {
        return (requireAll ? "all(" : "any(") + source + ") " + matcher;
    }
}
