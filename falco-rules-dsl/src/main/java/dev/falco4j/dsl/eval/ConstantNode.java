package dev.falco4j.dsl.eval;

/** A result known at compile time (e.g. {@code x in ()}), left after constant folding. */
public final class ConstantNode<C> implements PredicateNode<C> {

    private final boolean value;

    /** A node that always answers {@code value}. */
    public ConstantNode(boolean value) {
        this.value = value;
    }

    /** The constant. */
    public boolean value() {
        return value;
    }

    @Override
    public boolean test(C ctx) {
        return value;
    }

    @Override
    public String toString() {
        return Boolean.toString(value);
    }
}
