package dev.falco4j.dsl.eval;

/** Negation of a child. */
public final class NotNode<C> implements PredicateNode<C> {

    private final PredicateNode<C> child;

    /** Negates {@code child}. */
    public NotNode(PredicateNode<C> child) {
        this.child = child;
    }

    @Override
    public boolean test(C ctx) {
        return !child.test(ctx);
    }

    @Override
    public String toString() {
        return "not(" + child + ")";
    }
}
