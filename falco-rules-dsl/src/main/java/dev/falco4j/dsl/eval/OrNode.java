package dev.falco4j.dsl.eval;

import java.util.Arrays;

/** Any child true, left to right, stopping at the first true. */
public final class OrNode<C> implements PredicateNode<C> {

    private final PredicateNode<C>[] children;

    /** A disjunction of at least two children. */
    public OrNode(PredicateNode<C>[] children) {
        this.children = children.clone();
    }

    @Override
    public boolean test(C ctx) {
        for (PredicateNode<C> c : children) {
            if (c.test(ctx)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "or" + Arrays.toString(children);
    }
}
