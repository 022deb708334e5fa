package dev.falco4j.dsl.compile;

/**
 * Reads one field of the current event. Implemented by the host (falco-core's field catalog) for
 * each resolved field; called by compiled predicates once per evaluation that needs the field.
 *
 * <p>Contract for the event path: no allocation, no boxing, no exceptions for missing values. A
 * field without a value for this event (Falco's {@code <NA>}) returns {@code false}/{@code 0}; the
 * check then fails (and {@code exists} is false).
 *
 * <p>Scalar fields implement {@link #extract}. Multi-valued fields (see
 * {@link FieldBinding#multiValued()}) also implement {@link #count} and {@link #extractAt}; the
 * compiler calls those instead and iterates by index.
 *
 * <p>Thread-safety: an extractor is called from the thread evaluating the event and may use
 * per-event caches in {@code C}. Values written into a {@link FieldValue} are valid until the next
 * event.
 *
 * @param <C> the host's per-event context (for falco-core, its event view plus state)
 */
public interface FieldExtractor<C> {

    /**
     * Writes this field's value for the current event into {@code out}.
     *
     * @return whether the field has a value (false means {@code <NA>}); for a multi-valued field,
     *         whether it has at least one value, which is then written (the first one)
     */
    boolean extract(C ctx, FieldValue out);

    /** Number of values of a multi-valued field for the current event (0 when absent). */
    default int count(C ctx) {
        return 0;
    }

    /**
     * Writes value number {@code index} ({@code 0 <= index < count(ctx)}) of a multi-valued field.
     *
     * @return whether the value exists
     */
    default boolean extractAt(C ctx, int index, FieldValue out) {
        return index == 0 && extract(ctx, out);
    }
}
