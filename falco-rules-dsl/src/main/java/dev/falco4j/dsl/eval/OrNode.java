package dev.falco4j.dsl.eval;

/**
 * Any child true: evaluated until the first true, most often succeeding children first (see
 * {@link Junction}).
 */
public final class OrNode<C> extends Junction<C> {

    /** A disjunction of at least two side-effect-free children. */
    public OrNode(PredicateNode<C>[] children) {
        super(children, true);
    }
}
