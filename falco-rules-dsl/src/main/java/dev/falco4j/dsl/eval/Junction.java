package dev.falco4j.dsl.eval;

import java.util.Arrays;

/**
 * An {@code and} or {@code or} of pure children, evaluated left to right until one child decides
 * the result (false for {@code and}, true for {@code or}), with the order adapted to the events
 * seen.
 *
 * <p>Why: most events a rule is evaluated on fail it, and a rule's conjuncts are written for
 * people, not for speed: upstream's {@code open_read and sensitive_files and ...} checks the event
 * type, the open flags, the fd type and the fd number (true for nearly every open) before the one
 * test that fails ({@code fd.name in (...)}). Children are side-effect free (field values are
 * memoised per event), so any order gives the same result; the junction counts, per position, how
 * often the child there decided, and at reviews moves the children that decide most often to the
 * front. Reviews come after 1,024 evaluations, then at doubling intervals up to every 2^20, so a
 * settled order costs nothing but the counters; a review that changes the order allocates one
 * small array pair, never per event.
 *
 * <p>A compiled condition may be shared between threads: an order is immutable once published
 * (final fields), so a reader sees either the old or the new order, whole; the counters are racy
 * on purpose, they only steer the next review.
 */
abstract class Junction<C> implements PredicateNode<C> {

    private static final int FIRST_REVIEW = 1 << 10;
    private static final int MAX_REVIEW_INTERVAL = 1 << 20;

    private final boolean decidingValue;
    private Order<C> order;
    private int untilReview = FIRST_REVIEW;
    private int reviewInterval = FIRST_REVIEW;

    /** One evaluation order and how often each position decided since it was set. */
    private static final class Order<C> {
        final PredicateNode<C>[] children;
        final int[] decided;

        Order(PredicateNode<C>[] children) {
            this.children = children;
            this.decided = new int[children.length];
        }
    }

    /**
     * @param children at least two children, in the written order (the first order tried)
     * @param decidingValue the child result that ends the evaluation: false for and, true for or
     */
    Junction(PredicateNode<C>[] children, boolean decidingValue) {
        this.order = new Order<>(children.clone());
        this.decidingValue = decidingValue;
    }

    @Override
    public final boolean test(C ctx) {
        Order<C> o = order;
        if (--untilReview <= 0) {
            review(o);
        }
        PredicateNode<C>[] children = o.children;
        for (int i = 0; i < children.length; i++) {
            if (children[i].test(ctx) == decidingValue) {
                o.decided[i]++;
                return decidingValue;
            }
        }
        return !decidingValue;
    }

    /** Children that decided more often move ahead (stable otherwise); counters restart. */
    private void review(Order<C> current) {
        reviewInterval = Math.min(reviewInterval * 2, MAX_REVIEW_INTERVAL);
        untilReview = reviewInterval;
        int[] decided = current.decided;
        boolean sorted = true;
        for (int i = 1; i < decided.length && sorted; i++) {
            sorted = decided[i] <= decided[i - 1];
        }
        if (sorted) {
            Arrays.fill(decided, 0);
            return;
        }
        // Stable insertion sort of the positions by decisions, descending (a handful of children).
        int n = decided.length;
        int[] positions = new int[n];
        for (int i = 0; i < n; i++) {
            int p = i;
            int j = i;
            while (j > 0 && decided[positions[j - 1]] < decided[p]) {
                positions[j] = positions[j - 1];
                j--;
            }
            positions[j] = p;
        }
        @SuppressWarnings("unchecked")
        PredicateNode<C>[] reordered = new PredicateNode[n];
        for (int i = 0; i < n; i++) {
            reordered[i] = current.children[positions[i]];
        }
        order = new Order<>(reordered);
    }

    /** The children in their current evaluation order. */
    final PredicateNode<C>[] currentOrder() {
        return order.children.clone();
    }

    @Override
    public String toString() {
        return (decidingValue ? "or" : "and") + Arrays.toString(order.children);
    }
}
