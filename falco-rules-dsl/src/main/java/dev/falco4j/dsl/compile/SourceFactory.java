package dev.falco4j.dsl.compile;

import dev.falco4j.dsl.SourceSpan;
import dev.falco4j.dsl.ast.FieldOperand;
import dev.falco4j.dsl.ast.FieldRef;
import dev.falco4j.dsl.ast.Operand;
import dev.falco4j.dsl.ast.StringLit;
import dev.falco4j.dsl.ast.Transform;
import dev.falco4j.dsl.eval.ConcatSource;
import dev.falco4j.dsl.eval.ConstantSource;
import dev.falco4j.dsl.eval.ExtractorSource;
import dev.falco4j.dsl.eval.GetoptSource;
import dev.falco4j.dsl.eval.JoinSource;
import dev.falco4j.dsl.eval.LengthSource;
import dev.falco4j.dsl.eval.MappingSource;
import dev.falco4j.dsl.eval.ValueSource;
import java.util.BitSet;
import java.util.function.BiConsumer;

/** Binds fields through the resolver and builds transformer sources on top, type-checking arguments. */
final class SourceFactory<C> {

    /**
     * A value source, the type of its values, whether a check needs only one of several values to
     * hold (see {@link FieldBinding#anyOf}), and the event types for which it can have a value
     * ({@code null}: every type).
     */
    record Typed<C>(ValueSource<C> source, FieldType type, boolean multiValued, boolean anyValue,
                    BitSet presentIn) {
        Typed(ValueSource<C> source, FieldType type, boolean multiValued, BitSet presentIn) {
            this(source, type, multiValued, false, presentIn);
        }
    }

    private final FieldResolver<C> resolver;
    private final BiConsumer<SourceSpan, String> errors;

    SourceFactory(FieldResolver<C> resolver, BiConsumer<SourceSpan, String> errors) {
        this.resolver = resolver;
        this.errors = errors;
    }

    /** The source for a field or transformer, or {@code null} after reporting an error. */
    Typed<C> operand(FieldOperand operand) {
        if (operand instanceof FieldRef f) {
            FieldBinding<C> b = resolver.resolve(f.name(), f.argument());
            if (b == null) {
                errors.accept(f.span(), "unknown field '" + f.name() + "'");
                return null;
            }
            if (!b.isBound()) {
                errors.accept(f.span(), b.errorMessage());
                return null;
            }
            String display = f.name() + (f.argument() == null ? "" : "[" + f.argument() + "]");
            BitSet present = null;
            int[] ids = b.eventTypes();
            if (ids != null) {
                present = new BitSet();
                for (int id : ids) {
                    present.set(id);
                }
            }
            return new Typed<>(new ExtractorSource<>(display, b.extractor(), b.multiValued()), b.type(),
                    b.multiValued(), b.anyValue(), present);
        }
        return transform((Transform) operand);
    }

    @SuppressWarnings("unchecked")
    private Typed<C> transform(Transform t) {
        String fn = t.transformer().functionName() + "()";
        switch (t.transformer()) {
            case TOLOWER, TOUPPER, BASENAME, B64 -> {
                Typed<C> in = stringArg(fn, t.arguments().get(0));
                if (in == null) {
                    return null;
                }
                MappingSource.Mapping mapping = MappingSource.Mapping.valueOf(t.transformer().name());
                FieldType out = t.transformer() == dev.falco4j.dsl.ast.Transformer.B64 ? FieldType.BYTES : FieldType.STRING;
                return new Typed<>(new MappingSource<>(mapping, in.source()), out, in.multiValued(), in.anyValue(),
                        in.presentIn());
            }
            case LEN -> {
                Typed<C> in = operand((FieldOperand) t.arguments().get(0));
                if (in == null) {
                    return null;
                }
                if (!in.multiValued() && !in.type().isByteValued()) {
                    errors.accept(t.arguments().get(0).span(), fn + " needs a string or list field, not "
                            + Literals.typeName(in.type()));
                    return null;
                }
                // len() of a list is 0 when the list is absent, so it has a value for every event
                return new Typed<>(new LengthSource<>(in.source()), FieldType.INT64, false,
                        in.multiValued() ? null : in.presentIn());
            }
            case CONCAT -> {
                ValueSource<C>[] parts = new ValueSource[t.arguments().size()];
                BitSet present = null;
                for (int i = 0; i < parts.length; i++) {
                    Operand a = t.arguments().get(i);
                    if (a instanceof StringLit s) {
                        parts[i] = new ConstantSource<>(s.value());
                        continue;
                    }
                    Typed<C> in = stringArg(fn, a);
                    if (in == null) {
                        return null;
                    }
                    parts[i] = in.source();
                    present = intersect(present, in.presentIn());
                }
                return new Typed<>(new ConcatSource<>(parts), FieldType.STRING, false, present);
            }
            case JOIN -> {
                Typed<C> in = stringArg(fn, t.arguments().get(1));
                if (in == null) {
                    return null;
                }
                return new Typed<>(new JoinSource<>(((StringLit) t.arguments().get(0)).value(), in.source()),
                        FieldType.STRING, false, in.multiValued() ? null : in.presentIn());
            }
            default -> {
                Typed<C> in = stringArg(fn, t.arguments().get(0));
                if (in == null) {
                    return null;
                }
                return new Typed<>(new GetoptSource<>(in.source(), ((StringLit) t.arguments().get(1)).value()),
                        FieldType.STRING, false, in.presentIn());
            }
        }
    }

    /** Intersection of two presence sets where {@code null} means every type. */
    static BitSet intersect(BitSet a, BitSet b) {
        if (a == null) {
            return b == null ? null : (BitSet) b.clone();
        }
        BitSet out = (BitSet) a.clone();
        if (b != null) {
            out.and(b);
        }
        return out;
    }

    private Typed<C> stringArg(String fn, Operand arg) {
        if (arg instanceof StringLit s) {
            errors.accept(s.span(), fn + " needs a field here, not a string");
            return null;
        }
        Typed<C> in = operand((FieldOperand) arg);
        if (in == null) {
            return null;
        }
        FieldType.Family f = in.type().family();
        if (f != FieldType.Family.STRING && f != FieldType.Family.BYTES) {
            errors.accept(arg.span(), fn + " needs a string field, not " + Literals.typeName(in.type()));
            return null;
        }
        return in;
    }
}
