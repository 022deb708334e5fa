package dev.falco4j.dsl;

import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.eval.PredicateNode;
import java.util.BitSet;

/**
 * A condition compiled into a predicate tree, ready to evaluate events.
 *
 * <p>{@link #test} allocates nothing. An instance keeps reusable value holders, so it is <b>not
 * thread-safe</b>: evaluate it from one thread at a time (compile once per event-loop thread if
 * several threads evaluate the same rules; compiling is cheap).
 *
 * @param <C> the host's per-event context
 */
public final class CompiledCondition<C> {

    private final Expr source;
    private final PredicateNode<C> root;
    private final BitSet eventTypes;
    private final int eventTypeCount;

    /** Built by {@link ConditionCompiler}. */
    CompiledCondition(Expr source, PredicateNode<C> root, BitSet eventTypes, int eventTypeCount) {
        this.source = source;
        this.root = root;
        this.eventTypes = (BitSet) eventTypes.clone();
        this.eventTypeCount = eventTypeCount;
    }

    /** Evaluates the condition on the current event. */
    public boolean test(C ctx) {
        return root.test(ctx);
    }

    /**
     * The event-type ids this condition can possibly match (a copy). Events of other types can be
     * skipped without evaluating it.
     */
    public BitSet eventTypes() {
        return (BitSet) eventTypes.clone();
    }

    /** Whether the condition can match events of type {@code id}. */
    public boolean canMatchEventType(int id) {
        return eventTypes.get(id);
    }

    /** The candidate event-type ids in ascending order. */
    public int[] eventTypeIds() {
        return eventTypes.stream().toArray();
    }

    /** Whether no {@code evt.type} check restricts the condition (it must run on every event). */
    public boolean matchesAllEventTypes() {
        return eventTypes.cardinality() == eventTypeCount;
    }

    /** The AST this was compiled from. */
    public Expr source() {
        return source;
    }

    /** A readable dump of the predicate tree (for debugging and tests). */
    public String describe() {
        return root.toString();
    }
}
