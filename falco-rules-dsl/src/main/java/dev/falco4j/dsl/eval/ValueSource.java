package dev.falco4j.dsl.eval;

import dev.falco4j.dsl.compile.FieldValue;

/**
 * Produces the value(s) a check compares: a field's extractor, or a transformer over other
 * sources. Transformers write into the output holder's scratch buffer; nothing is allocated in the
 * steady state.
 *
 * @param <C> the host's per-event context
 */
public interface ValueSource<C> {

    /** Loads the (first) value; false when absent. */
    boolean load(C ctx, FieldValue out);

    /** Whether the source yields several values per event. */
    boolean multiValued();

    /** Number of values (multi-valued sources). */
    int count(C ctx);

    /** Loads value number {@code index} (multi-valued sources). */
    boolean loadAt(C ctx, int index, FieldValue out);
}
