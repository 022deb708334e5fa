package dev.falco4j.dsl.compile;

import dev.falco4j.dsl.SourceSpan;
import dev.falco4j.dsl.ast.ListModifier;
import dev.falco4j.dsl.ast.Operator;
import dev.falco4j.dsl.ast.StringLit;
import dev.falco4j.dsl.match.ByteStringSet;
import dev.falco4j.dsl.match.BytesComparison;
import dev.falco4j.dsl.match.Glob;
import dev.falco4j.dsl.match.IdSet;
import dev.falco4j.dsl.match.IpMatch;
import dev.falco4j.dsl.match.ListModifierMatch;
import dev.falco4j.dsl.match.LongComparison;
import dev.falco4j.dsl.match.LongSet;
import dev.falco4j.dsl.match.NegatedMatch;
import dev.falco4j.dsl.match.PrefixSet;
import dev.falco4j.dsl.match.RegexMatch;
import dev.falco4j.dsl.match.ValueMatcher;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Chooses and builds the specialised matcher for an operator, a field type and literal operands,
 * converting the literals once: hash sets for {@code in}, prefix sets for {@code pmatch} and
 * {@code startswith anyof}, compiled globs and regexes, folded needles for case-insensitive search.
 */
final class MatcherFactory {

    private final BiConsumer<SourceSpan, String> errors;

    MatcherFactory(FieldResolver<?> resolver, BiConsumer<SourceSpan, String> errors) {
        this.errors = errors;
    }

    ValueMatcher idSet(BitSet ids, int universe) {
        return new IdSet(ids, universe);
    }

    /**
     * The matcher, or {@code null}: after reporting errors, or without errors when the list is
     * empty (the check is then constant false).
     */
    ValueMatcher matcher(Operator op, ListModifier modifier, FieldType type, List<StringLit> items, SourceSpan span) {
        if (modifier != ListModifier.NONE) {
            return modified(op, modifier, type, items);
        }
        if (op.takesList()) {
            if (items.isEmpty()) {
                return null;
            }
            return list(op, type, items);
        }
        return single(op, type, items.get(0));
    }

    private ValueMatcher single(Operator op, FieldType type, StringLit lit) {
        try {
            switch (type.family()) {
                case SIGNED:
                case UNSIGNED:
                    return new LongComparison(longKind(op), Literals.integer(lit.value(), type),
                            type.family() == FieldType.Family.UNSIGNED);
                case BOOL:
                    return new LongComparison(longKind(op), Literals.bool(lit.value()), false);
                case IP: {
                    IpMatch m = ipMatch(type, List.of(lit));
                    return op == Operator.NE ? new NegatedMatch(m) : m;
                }
                default:
                    return bytes(op, lit);
            }
        } catch (IllegalArgumentException e) {
            errors.accept(lit.span(), e.getMessage());
            return null;
        }
    }

    private ValueMatcher bytes(Operator op, StringLit lit) {
        String v = lit.value();
        switch (op) {
            case EQ:
                return new BytesComparison(BytesComparison.Kind.EQUALS, Literals.utf8(v));
            case NE:
                return new BytesComparison(BytesComparison.Kind.NOT_EQUALS, Literals.utf8(v));
            case LT:
                return new BytesComparison(BytesComparison.Kind.LESS, Literals.utf8(v));
            case LE:
                return new BytesComparison(BytesComparison.Kind.LESS_OR_EQUAL, Literals.utf8(v));
            case GT:
                return new BytesComparison(BytesComparison.Kind.GREATER, Literals.utf8(v));
            case GE:
                return new BytesComparison(BytesComparison.Kind.GREATER_OR_EQUAL, Literals.utf8(v));
            case CONTAINS:
                return new BytesComparison(BytesComparison.Kind.CONTAINS, Literals.utf8(v));
            case ICONTAINS:
                return new BytesComparison(BytesComparison.Kind.CONTAINS_IGNORE_CASE, Literals.utf8(v));
            case BCONTAINS:
                return new BytesComparison(BytesComparison.Kind.CONTAINS, Literals.hex(v, op.symbol()));
            case STARTSWITH:
                return new BytesComparison(BytesComparison.Kind.STARTS_WITH, Literals.utf8(v));
            case BSTARTSWITH:
                return new BytesComparison(BytesComparison.Kind.STARTS_WITH, Literals.hex(v, op.symbol()));
            case ENDSWITH:
                return new BytesComparison(BytesComparison.Kind.ENDS_WITH, Literals.utf8(v));
            case GLOB:
                return new Glob(v, false);
            case IGLOB:
                return new Glob(v, true);
            case REGEX:
                try {
                    return RegexMatch.compile(v);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("invalid regular expression: " + e.getMessage());
                }
            default:
                throw new IllegalStateException("not a single-value operator: " + op);
        }
    }

    private ValueMatcher list(Operator op, FieldType type, List<StringLit> items) {
        try {
            switch (type.family()) {
                case SIGNED:
                case UNSIGNED:
                case BOOL: {
                    if (op == Operator.PMATCH) {
                        throw new IllegalArgumentException("pmatch needs a string field");
                    }
                    long[] values = new long[items.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = convertItem(items.get(i), type);
                    }
                    return new LongSet(values);
                }
                case IP:
                    return ipMatch(type, items);
                default: {
                    List<byte[]> values = new ArrayList<>(items.size());
                    for (StringLit s : items) {
                        values.add(Literals.utf8(s.value()));
                    }
                    return op == Operator.PMATCH ? new PrefixSet(values, true) : new ByteStringSet(values);
                }
            }
        } catch (ItemException e) {
            errors.accept(e.item.span(), e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            errors.accept(items.get(0).span(), e.getMessage());
            return null;
        }
    }

    /** {@code op anyof/allof/oneof (...)} on a string field. */
    private ValueMatcher modified(Operator op, ListModifier modifier, FieldType type, List<StringLit> items) {
        if (modifier == ListModifier.ANYOF && !items.isEmpty()) {
            // the common shapes get a single specialised structure instead of one matcher per item
            List<byte[]> values = new ArrayList<>(items.size());
            for (StringLit s : items) {
                values.add(Literals.utf8(s.value()));
            }
            if (op == Operator.EQ) {
                return new ByteStringSet(values);
            }
            if (op == Operator.STARTSWITH) {
                return new PrefixSet(values, false);
            }
        }
        ValueMatcher[] each = new ValueMatcher[items.size()];
        for (int i = 0; i < each.length; i++) {
            each[i] = single(op, type, items.get(i));
            if (each[i] == null) {
                return null;
            }
        }
        if (each.length == 0) {
            return null;
        }
        ListModifierMatch.Mode mode = switch (modifier) {
            case ALLOF -> ListModifierMatch.Mode.ALL;
            case ONEOF -> ListModifierMatch.Mode.ONE;
            default -> ListModifierMatch.Mode.ANY;
        };
        return new ListModifierMatch(mode, each);
    }

    private IpMatch ipMatch(FieldType type, List<StringLit> items) {
        byte[][] nets = new byte[items.size()][];
        int[] bits = new int[items.size()];
        byte[][] out = new byte[1][];
        for (int i = 0; i < nets.length; i++) {
            try {
                bits[i] = Literals.network(items.get(i).value(), type, out);
            } catch (IllegalArgumentException e) {
                throw new ItemException(items.get(i), e.getMessage());
            }
            nets[i] = out[0];
        }
        return new IpMatch(nets, bits);
    }

    private static long convertItem(StringLit item, FieldType type) {
        try {
            return type.family() == FieldType.Family.BOOL ? Literals.bool(item.value()) : Literals.integer(item.value(), type);
        } catch (IllegalArgumentException e) {
            throw new ItemException(item, e.getMessage());
        }
    }

    private static LongComparison.Kind longKind(Operator op) {
        return switch (op) {
            case EQ -> LongComparison.Kind.EQ;
            case NE -> LongComparison.Kind.NE;
            case LT -> LongComparison.Kind.LT;
            case LE -> LongComparison.Kind.LE;
            case GT -> LongComparison.Kind.GT;
            case GE -> LongComparison.Kind.GE;
            default -> throw new IllegalStateException("not a numeric operator: " + op);
        };
    }

    /** A conversion failure tied to one list item, so the error points at that item. */
    private static final class ItemException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final transient StringLit item;

        ItemException(StringLit item, String message) {
            super(message);
            this.item = item;
        }
    }
}
