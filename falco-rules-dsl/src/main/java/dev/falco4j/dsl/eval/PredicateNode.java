package dev.falco4j.dsl.eval;

/**
 * A node of a compiled predicate tree.
 *
 * @param <C> the host's per-event context
 */
public interface PredicateNode<C> {

    /** Evaluates the node on the current event; allocation-free. */
    boolean test(C ctx);
}
