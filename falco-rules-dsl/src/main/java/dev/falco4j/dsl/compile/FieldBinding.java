package dev.falco4j.dsl.compile;

import java.util.Objects;

/**
 * What a {@link FieldResolver} answers for a field reference: either the field's type and extractor,
 * or why it cannot be used (unknown field, missing or bad argument).
 *
 * @param <C> the host's per-event context
 */
public final class FieldBinding<C> {

    private final FieldType type;
    private final boolean multiValued;
    private final boolean anyValue;
    private final FieldExtractor<C> extractor;
    private final String error;
    private final int[] eventTypes;

    private FieldBinding(FieldType type, boolean multiValued, boolean anyValue, FieldExtractor<C> extractor,
                         String error, int[] eventTypes) {
        this.type = type;
        this.multiValued = multiValued;
        this.anyValue = anyValue;
        this.extractor = extractor;
        this.error = error;
        this.eventTypes = eventTypes;
    }

    private FieldBinding(FieldType type, boolean multiValued, boolean anyValue, FieldExtractor<C> extractor,
                         String error) {
        this(type, multiValued, anyValue, extractor, error, null);
    }

    /**
     * The same binding, declaring that the field has a value only for events of these types (e.g.
     * an argument that exists for a few system calls). A check on the field can then only be true
     * for those types, which narrows the condition's candidate event types the way an
     * {@code evt.type} check does.
     */
    public FieldBinding<C> withEventTypes(int... ids) {
        if (error != null) {
            throw new IllegalStateException("an error binding has no event types");
        }
        return new FieldBinding<>(type, multiValued, anyValue, extractor, null, ids.clone());
    }

    /** The event types for which the field can have a value, or {@code null} for every type. */
    public int[] eventTypes() {
        return eventTypes == null ? null : eventTypes.clone();
    }

    /** A scalar field of the given type. */
    public static <C> FieldBinding<C> of(FieldType type, FieldExtractor<C> extractor) {
        return new FieldBinding<>(Objects.requireNonNull(type), false, false,
                Objects.requireNonNull(extractor), null);
    }

    /**
     * A multi-valued field (e.g. {@code proc.args} as a list, {@code container.mounts}) whose values
     * have the given type; {@code in} then requires every value in the list, {@code intersects} one.
     */
    public static <C> FieldBinding<C> multiValued(FieldType elementType, FieldExtractor<C> extractor) {
        return new FieldBinding<>(Objects.requireNonNull(elementType), true, false,
                Objects.requireNonNull(extractor), null);
    }

    /**
     * A multi-valued field that stands for a set of candidates rather than a list, such as
     * {@code proc.aname} without an index (every ancestor's name): a check holds when one value
     * satisfies it, {@code in} included, as Falco compares these fields ancestor by ancestor.
     */
    public static <C> FieldBinding<C> anyOf(FieldType elementType, FieldExtractor<C> extractor) {
        return new FieldBinding<>(Objects.requireNonNull(elementType), true, true,
                Objects.requireNonNull(extractor), null);
    }

    /**
     * The field cannot be bound; {@code message} is shown to the user at the field's position, e.g.
     * {@code "unknown field 'proc.nmae'"} or {@code "proc.aname needs a numeric argument"}.
     */
    public static <C> FieldBinding<C> error(String message) {
        return new FieldBinding<>(null, false, false, null, Objects.requireNonNull(message));
    }

    /** Whether the field is usable. */
    public boolean isBound() {
        return error == null;
    }

    /** Type of the (element) values; {@code null} for an error. */
    public FieldType type() {
        return type;
    }

    /** Whether the field has several values per event. */
    public boolean multiValued() {
        return multiValued;
    }

    /** Whether a check holds when any one value satisfies it, even for {@code in} (see {@link #anyOf}). */
    public boolean anyValue() {
        return anyValue;
    }

    /** The extractor; {@code null} for an error. */
    public FieldExtractor<C> extractor() {
        return extractor;
    }

    /** The error message; {@code null} when bound. */
    public String errorMessage() {
        return error;
    }
}
