package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldExtractor;
import dev.falco4j.dsl.compile.FieldValue;

/** A field as bound by the host's resolver. */
public final class ExtractorSource<C> implements ValueSource<C> {

    private final String name;
    private final FieldExtractor<C> extractor;
    private final boolean multiValued;

    /** Wraps the host extractor of field {@code name}. */
    public ExtractorSource(String name, FieldExtractor<C> extractor, boolean multiValued) {
        this.name = name;
        this.extractor = extractor;
        this.multiValued = multiValued;
    }

    /** The host extractor. */
    public FieldExtractor<C> extractor() {
        return extractor;
    }

    @Override
    public boolean load(C ctx, FieldValue out) {
        return extractor.extract(ctx, out);
    }

    @Override
    public boolean multiValued() {
        return multiValued;
    }

    @Override
    public int count(C ctx) {
        return multiValued ? extractor.count(ctx) : 0;
    }

    @Override
    public boolean loadAt(C ctx, int index, FieldValue out) {
        return multiValued ? extractor.extractAt(ctx, index, out) : index == 0 && extractor.extract(ctx, out);
    }

    @Override
    public String toString() {
        return name;
    }
}
