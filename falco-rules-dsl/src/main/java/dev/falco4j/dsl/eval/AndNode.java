package dev.falco4j.dsl.eval;

import java.util.Arrays;

/** All children true, left to right, stopping at the first false. */
public final class AndNode<C> implements PredicateNode<C> {

    private final PredicateNode<C>[] children;

    /** A conjunction of at least two children. */
    public AndNode(PredicateNode<C>[] children) {
        this.children = children.clone();
    }

    @Override
    public boolean test(C ctx) {
        for (PredicateNode<C> c : children) {
            if (!c.test(ctx)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "and" + Arrays.toString(children);
    }
}
