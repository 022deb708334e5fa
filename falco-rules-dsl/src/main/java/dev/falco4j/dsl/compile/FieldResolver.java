package dev.falco4j.dsl.compile;

/**
 * The host's field catalog as the compiler sees it. falco-core implements it; the DSL knows no field
 * names and no system calls.
 *
 * <p>Transformers ({@code tolower}, {@code basename}, {@code len}...) are applied by the compiler on
 * top of the bound extractor, so the resolver only binds plain fields.
 *
 * <p>Called only while compiling, from one thread at a time; may allocate freely.
 *
 * @param <C> the host's per-event context passed to extractors
 */
public interface FieldResolver<C> {

    /**
     * Binds a field.
     *
     * @param name     dotted field name ({@code proc.name})
     * @param argument the text between brackets ({@code proc.aname[2]} gives {@code "2"}), or
     *                 {@code null} when none was written
     * @return a binding, or {@link FieldBinding#error(String)}; never {@code null}
     */
    FieldBinding<C> resolve(String name, String argument);

    /** Number of event-type ids; ids are {@code 0 <= id < eventTypeCount()}. */
    int eventTypeCount();

    /**
     * The ids of the event types a name denotes in {@code evt.type} checks ({@code open} covers
     * enter and exit events and older variants). An empty array means the name is unknown, which
     * is a compile error.
     */
    int[] eventTypeIds(String eventName);
}
