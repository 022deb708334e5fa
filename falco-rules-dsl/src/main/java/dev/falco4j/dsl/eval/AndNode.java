package dev.falco4j.dsl.eval;

/**
 * All children true: evaluated until the first false, most often failing children first (see
 * {@link Junction}).
 */
public final class AndNode<C> extends Junction<C> {

    /** A conjunction of at least two side-effect-free children. */
    public AndNode(PredicateNode<C>[] children) {
        super(children, false);
    }
}
