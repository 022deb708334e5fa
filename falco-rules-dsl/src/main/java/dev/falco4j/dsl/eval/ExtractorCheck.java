package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldExtractor;
import dev.falco4j.dsl.compile.FieldValue;
import dev.falco4j.dsl.match.ValueMatcher;

/**
 * The most common leaf, a plain single-valued field against constants, calling the host's
 * extractor directly: one virtual call fewer per check than {@link FieldCheck} over a source.
 */
public final class ExtractorCheck<C> implements PredicateNode<C> {

    private final String field;
    private final FieldExtractor<C> extractor;
    private final ValueMatcher matcher;
    private final FieldValue value = new FieldValue();

    /** Checks field {@code field} (for display) read by {@code extractor} with {@code matcher}. */
    public ExtractorCheck(String field, FieldExtractor<C> extractor, ValueMatcher matcher) {
        this.field = field;
        this.extractor = extractor;
        this.matcher = matcher;
    }

    @Override
    public boolean test(C ctx) {
        return extractor.extract(ctx, value) && matcher.matches(value);
    }

    @Override
    public String toString() {
        return field + " " + matcher;
    }
}
