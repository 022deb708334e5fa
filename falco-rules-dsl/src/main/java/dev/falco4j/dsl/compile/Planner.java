package dev.falco4j.dsl.compile;

import dev.falco4j.dsl.Diagnostic;
import dev.falco4j.dsl.SourceSpan;
import dev.falco4j.dsl.SourceText;
import dev.falco4j.dsl.ast.And;
import dev.falco4j.dsl.ast.AstPrinter;
import dev.falco4j.dsl.ast.Check;
import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.ast.FieldOperand;
import dev.falco4j.dsl.ast.FieldRef;
import dev.falco4j.dsl.ast.ListLit;
import dev.falco4j.dsl.ast.ListModifier;
import dev.falco4j.dsl.ast.ListRef;
import dev.falco4j.dsl.ast.MacroRef;
import dev.falco4j.dsl.ast.Not;
import dev.falco4j.dsl.ast.Operand;
import dev.falco4j.dsl.ast.Operator;
import dev.falco4j.dsl.ast.Or;
import dev.falco4j.dsl.ast.StringLit;
import dev.falco4j.dsl.ast.Transform;
import dev.falco4j.dsl.ast.ValRef;
import dev.falco4j.dsl.eval.AndNode;
import dev.falco4j.dsl.eval.ConstantNode;
import dev.falco4j.dsl.eval.ExistsCheck;
import dev.falco4j.dsl.eval.ExtractorCheck;
import dev.falco4j.dsl.eval.ExtractorSource;
import dev.falco4j.dsl.eval.FieldCheck;
import dev.falco4j.dsl.eval.FieldPairCheck;
import dev.falco4j.dsl.eval.MultiValueCheck;
import dev.falco4j.dsl.eval.NotNode;
import dev.falco4j.dsl.eval.OrNode;
import dev.falco4j.dsl.eval.PredicateNode;
import dev.falco4j.dsl.eval.ValueSource;
import dev.falco4j.dsl.match.ValueMatcher;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Turns a (macro- and list-expanded) AST into a predicate tree: binds fields through the
 * {@link FieldResolver}, type-checks every check, converts literals once, picks a specialised
 * matcher per check, folds constants, and infers the event types the condition can match.
 *
 * <p>Event-type inference tracks two over-approximations per node: the types on which it can be
 * true and those on which it can be false. {@code evt.type} checks give exact sets; {@code not}
 * swaps them; {@code and}/{@code or} intersect and unite. This stays sound under negation
 * ({@code not evt.type = open} can match everything but open).
 *
 * <p>Not thread-safe; one instance per compilation. Not API: use
 * {@link dev.falco4j.dsl.ConditionCompiler}.
 *
 * @param <C> the host's per-event context
 */
public final class Planner<C> {

    /** The result of planning a condition. */
    public record Plan<C>(PredicateNode<C> root, BitSet eventTypes, List<Diagnostic> diagnostics) {
    }

    private final FieldResolver<C> resolver;
    private final SourceText source;
    private final int typeCount;
    private final BitSet allTypes;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final MatcherFactory matchers;
    private final SourceFactory<C> sources;

    /**
     * @param resolver the host's fields
     * @param source   the condition text for caret lines, or {@code null}
     */
    public Planner(FieldResolver<C> resolver, SourceText source) {
        this.resolver = resolver;
        this.source = source;
        this.typeCount = resolver.eventTypeCount();
        this.allTypes = new BitSet(typeCount);
        allTypes.set(0, typeCount);
        this.matchers = new MatcherFactory(resolver, this::error);
        this.sources = new SourceFactory<>(resolver, this::error);
    }

    /** Compiles {@code expr}; the root is meaningful only when no diagnostic is an error. */
    public Plan<C> plan(Expr expr) {
        Node<C> n = expr(expr);
        BitSet types = n.canBeTrue;
        if (!hasErrors()) {
            if (types.cardinality() == typeCount) {
                warn(expr.span(), "condition can match every event type: without an evt.type check it is"
                        + " evaluated on every event");
            } else if (types.isEmpty()) {
                warn(expr.span(), "condition can never match: no event type satisfies its evt.type checks");
            }
        }
        return new Plan<>(n.node, types, List.copyOf(diagnostics));
    }

    private boolean hasErrors() {
        for (Diagnostic d : diagnostics) {
            if (d.isError()) {
                return true;
            }
        }
        return false;
    }

    /** A compiled sub-condition and where it can be true or false. */
    private record Node<C>(PredicateNode<C> node, BitSet canBeTrue, BitSet canBeFalse) {
        boolean isConstant(boolean value) {
            return node instanceof ConstantNode<C> c && c.value() == value;
        }
    }

    private Node<C> expr(Expr e) {
        if (e instanceof And and) {
            return junction(and.operands(), true);
        } else if (e instanceof Or or) {
            return junction(or.operands(), false);
        } else if (e instanceof Not not) {
            Node<C> inner = expr(not.operand());
            if (inner.node instanceof ConstantNode<C> c) {
                return constant(!c.value());
            }
            return new Node<>(new NotNode<>(inner.node), inner.canBeFalse, inner.canBeTrue);
        } else if (e instanceof MacroRef ref) {
            error(ref.span(), "macro '" + ref.name() + "' is not expanded: expand macros before compiling");
            return constant(false);
        }
        return check((Check) e);
    }

    /** {@code and} ({@code isAnd}) or {@code or}, with constant folding. */
    @SuppressWarnings("unchecked")
    private Node<C> junction(List<Expr> written, boolean isAnd) {
        List<Expr> operands = new ArrayList<>(written.size());
        flatten(written, isAnd, operands);
        List<PredicateNode<C>> kept = new ArrayList<>(operands.size());
        BitSet canTrue = isAnd ? (BitSet) allTypes.clone() : new BitSet(typeCount);
        BitSet canFalse = isAnd ? new BitSet(typeCount) : (BitSet) allTypes.clone();
        boolean decided = false;
        for (Expr operand : operands) {
            Node<C> n = expr(operand);
            if (isAnd) {
                canTrue.and(n.canBeTrue);
                canFalse.or(n.canBeFalse);
            } else {
                canTrue.or(n.canBeTrue);
                canFalse.and(n.canBeFalse);
            }
            if (n.isConstant(!isAnd)) {
                decided = true; // false in an 'and', true in an 'or'; keep compiling for diagnostics
            } else if (!n.isConstant(isAnd)) {
                kept.add(n.node);
            }
        }
        if (decided) {
            return constant(!isAnd);
        }
        // evt.type checks that exclude each other ('evt.type = open and evt.type = close') decide
        // the result for every event; fold so the engine can drop the rule
        if (isAnd && canTrue.isEmpty()) {
            return constant(false);
        }
        if (!isAnd && canFalse.isEmpty()) {
            return constant(true);
        }
        PredicateNode<C> node;
        if (kept.isEmpty()) {
            node = new ConstantNode<>(isAnd);
        } else if (kept.size() == 1) {
            node = kept.get(0);
        } else {
            PredicateNode<C>[] array = kept.toArray(new PredicateNode[0]);
            node = isAnd ? new AndNode<>(array) : new OrNode<>(array);
        }
        return new Node<>(node, canTrue, canFalse);
    }

    /**
     * The operands of nested junctions of the same kind, in order ({@code a and (b and c)} is
     * {@code a and b and c}: macros nest them), so that one junction can order all of them.
     */
    private static void flatten(List<Expr> operands, boolean isAnd, List<Expr> out) {
        for (Expr e : operands) {
            if (isAnd && e instanceof And inner) {
                flatten(inner.operands(), true, out);
            } else if (!isAnd && e instanceof Or inner) {
                flatten(inner.operands(), false, out);
            } else {
                out.add(e);
            }
        }
    }

    private Node<C> constant(boolean value) {
        BitSet all = (BitSet) allTypes.clone();
        BitSet none = new BitSet(typeCount);
        return value ? new Node<>(new ConstantNode<>(true), all, none) : new Node<>(new ConstantNode<>(false), none, all);
    }

    private Node<C> unknown(PredicateNode<C> node) {
        return new Node<>(node, (BitSet) allTypes.clone(), (BitSet) allTypes.clone());
    }

    /**
     * A check on a field that has values only for some event types: a missing value makes the
     * check false, so it can only be true for those types.
     */
    private Node<C> onlyWhere(BitSet presentIn, PredicateNode<C> node) {
        if (presentIn == null) {
            return unknown(node);
        }
        BitSet canTrue = (BitSet) presentIn.clone();
        canTrue.and(allTypes);
        return new Node<>(node, canTrue, (BitSet) allTypes.clone());
    }

    private Node<C> check(Check c) {
        SourceFactory.Typed<C> left = sources.operand(c.left());
        if (left == null) {
            // still check the right-hand side's fields for more diagnostics
            if (c.right() instanceof ValRef v) {
                sources.operand(v.field());
            } else if (c.right() instanceof Transform t) {
                sources.operand(t);
            }
            return unknown(new ConstantNode<>(false));
        }
        Operator op = c.operator();
        if (!operatorAllowed(op, left.type())) {
            error(c.span(), "operator '" + op.symbol() + "' cannot be applied to " + describe(c.left(), left));
            return unknown(new ConstantNode<>(false));
        }
        if (op == Operator.EXISTS) {
            return onlyWhere(left.presentIn(), new ExistsCheck<>(left.source()));
        }
        Operand right = c.right();
        if (right instanceof ValRef || right instanceof Transform) {
            return fieldPair(c, left);
        }
        if (right instanceof ListRef ref) {
            error(ref.span(), "list '" + ref.name() + "' is not expanded: expand lists before compiling");
            return unknown(new ConstantNode<>(false));
        }
        if (c.modifier() != ListModifier.NONE && !isStringLike(left.type())) {
            error(c.span(), "list modifier '" + c.modifier().keyword() + "' needs a string field, not "
                    + describe(c.left(), left));
            return unknown(new ConstantNode<>(false));
        }
        List<StringLit> items = right instanceof ListLit list ? list.items() : List.of((StringLit) right);
        FieldType type = left.type();
        if (type == FieldType.EVENT_TYPE && c.left() instanceof FieldRef) {
            return eventTypeCheck(c, left, items);
        }
        int before = diagnostics.size();
        ValueMatcher m = matchers.matcher(op, c.modifier(), type, items, right.span());
        if (m == null) {
            if (diagnostics.size() == before) {
                // an empty list: 'x in ()' is false for every event
                return constant(false);
            }
            return unknown(new ConstantNode<>(false));
        }
        return onlyWhere(left.presentIn(), leaf(left, m, op == Operator.IN));
    }

    private Node<C> eventTypeCheck(Check c, SourceFactory.Typed<C> left, List<StringLit> items) {
        BitSet ids = new BitSet(typeCount);
        boolean ok = true;
        for (StringLit item : items) {
            int[] found = resolver.eventTypeIds(item.value());
            if (found == null || found.length == 0) {
                error(item.span(), "unknown event type '" + item.value() + "'");
                ok = false;
                continue;
            }
            for (int id : found) {
                ids.set(id);
            }
        }
        if (!ok) {
            return unknown(new ConstantNode<>(false));
        }
        boolean negated = c.operator() == Operator.NE;
        BitSet matching = (BitSet) ids.clone();
        BitSet others = (BitSet) allTypes.clone();
        others.andNot(ids);
        BitSet canTrue = negated ? others : matching;
        BitSet canFalse = negated ? matching : others;
        if (canTrue.isEmpty()) {
            return new Node<>(new ConstantNode<>(false), canTrue, (BitSet) allTypes.clone());
        }
        ValueMatcher m = matchers.idSet(canTrue, typeCount);
        return new Node<>(leaf(left, m, true), canTrue, canFalse);
    }

    /** The leaf node for a source and matcher, specialised for plain fields. */
    private PredicateNode<C> leaf(SourceFactory.Typed<C> left, ValueMatcher m, boolean requireAll) {
        if (left.multiValued()) {
            return new MultiValueCheck<>(left.source(), m, requireAll && !left.anyValue());
        }
        if (left.source() instanceof ExtractorSource<C> field) {
            return new ExtractorCheck<>(field.toString(), field.extractor(), m);
        }
        return new FieldCheck<>(left.source(), m);
    }

    private Node<C> fieldPair(Check c, SourceFactory.Typed<C> left) {
        FieldOperand rightOperand = c.right() instanceof ValRef v ? v.field() : (FieldOperand) c.right();
        SourceFactory.Typed<C> right = sources.operand(rightOperand);
        if (right == null) {
            return unknown(new ConstantNode<>(false));
        }
        FieldPairCheck.Kind kind = switch (c.operator()) {
            case EQ -> FieldPairCheck.Kind.EQ;
            case NE -> FieldPairCheck.Kind.NE;
            case LT -> FieldPairCheck.Kind.LT;
            case LE -> FieldPairCheck.Kind.LE;
            case GT -> FieldPairCheck.Kind.GT;
            case GE -> FieldPairCheck.Kind.GE;
            case CONTAINS -> FieldPairCheck.Kind.CONTAINS;
            case ICONTAINS -> FieldPairCheck.Kind.ICONTAINS;
            case STARTSWITH -> FieldPairCheck.Kind.STARTSWITH;
            case ENDSWITH -> FieldPairCheck.Kind.ENDSWITH;
            default -> null;
        };
        if (kind == null) {
            error(c.right().span(), "operator '" + c.operator().symbol() + "' cannot compare with another field");
            return unknown(new ConstantNode<>(false));
        }
        FieldType.Family lf = left.type().family();
        FieldType.Family rf = right.type().family();
        boolean bytesLeft = left.type().isByteValued();
        if (bytesLeft != right.type().isByteValued() || (lf == FieldType.Family.IP) != (rf == FieldType.Family.IP)) {
            error(c.right().span(), "cannot compare " + describe(c.left(), left) + " with "
                    + describe(rightOperand, right));
            return unknown(new ConstantNode<>(false));
        }
        if (!bytesLeft && kind.ordinal() > FieldPairCheck.Kind.GE.ordinal()) {
            error(c.span(), "operator '" + c.operator().symbol() + "' cannot be applied to " + describe(c.left(), left));
            return unknown(new ConstantNode<>(false));
        }
        FieldPairCheck.Domain domain = bytesLeft ? FieldPairCheck.Domain.BYTES
                : lf == FieldType.Family.UNSIGNED ? FieldPairCheck.Domain.UNSIGNED : FieldPairCheck.Domain.SIGNED;
        ValueSource<C> l = left.source();
        ValueSource<C> r = right.source();
        return onlyWhere(SourceFactory.intersect(left.presentIn(), right.presentIn()),
                new FieldPairCheck<>(l, kind, r, domain));
    }

    private static boolean isStringLike(FieldType t) {
        return t.family() == FieldType.Family.STRING || t.family() == FieldType.Family.BYTES;
    }

    /** Which operators each family supports. */
    static boolean operatorAllowed(Operator op, FieldType type) {
        if (op == Operator.EXISTS) {
            return true;
        }
        switch (type.family()) {
            case STRING:
                return true;
            case BYTES:
                return op.arity() != Operator.Arity.NUMERIC;
            case SIGNED:
            case UNSIGNED:
                return op == Operator.EQ || op == Operator.NE || op.arity() == Operator.Arity.NUMERIC
                        || op == Operator.IN || op == Operator.INTERSECTS;
            default:
                // booleans, addresses, event types
                return op == Operator.EQ || op == Operator.NE || op == Operator.IN || op == Operator.INTERSECTS;
        }
    }

    private static String describe(FieldOperand operand, SourceFactory.Typed<?> typed) {
        return Literals.typeName(typed.type()) + (typed.multiValued() ? " list" : "") + " field "
                + AstPrinter.print(operand);
    }

    private void error(SourceSpan span, String message) {
        diagnostics.add(diagnostic(Diagnostic.Severity.ERROR, span, message));
    }

    private void warn(SourceSpan span, String message) {
        diagnostics.add(diagnostic(Diagnostic.Severity.WARNING, span, message));
    }

    private Diagnostic diagnostic(Diagnostic.Severity severity, SourceSpan span, String message) {
        return source != null ? source.diagnostic(severity, span, message)
                : new Diagnostic(severity, span, message, "", 0);
    }
}
