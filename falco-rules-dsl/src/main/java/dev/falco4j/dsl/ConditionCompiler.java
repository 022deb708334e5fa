package dev.falco4j.dsl;

import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.compile.FieldResolver;
import dev.falco4j.dsl.compile.Planner;
import java.util.Objects;

/**
 * Compiles condition ASTs (macros and lists already expanded, see
 * {@link dev.falco4j.dsl.ast.Expander}) into {@link CompiledCondition}s against a host's fields.
 *
 * <pre>{@code
 * ConditionCompiler<MyEvent> compiler = ConditionCompiler.create(myFieldCatalog);
 * CompileResult<MyEvent> r = compiler.compile(parseResult.expr(), parseResult.source());
 * if (r.ok()) { rule.condition = r.condition(); } else { report(r.errors()); }
 * }</pre>
 *
 * <p>Compilation reports every type error it finds, each with its position: unknown fields,
 * operators a type does not support, literals that do not convert (numbers out of range, bad IP
 * networks, unknown event types, invalid regexes or hex), and unexpanded references; plus a warning
 * when a condition can match every event type.
 *
 * <p>A compiler is stateless apart from its resolver; it may be shared by threads if the resolver
 * can be.
 *
 * @param <C> the host's per-event context handed to field extractors
 */
public final class ConditionCompiler<C> {

    private final FieldResolver<C> resolver;

    private ConditionCompiler(FieldResolver<C> resolver) {
        this.resolver = resolver;
    }

    /** A compiler binding fields through {@code resolver}. */
    public static <C> ConditionCompiler<C> create(FieldResolver<C> resolver) {
        return new ConditionCompiler<>(Objects.requireNonNull(resolver, "resolver"));
    }

    /** Compiles {@code expr}; diagnostics have no source line (use the other overload when available). */
    public CompileResult<C> compile(Expr expr) {
        return compile(expr, null);
    }

    /**
     * Compiles {@code expr}, drawing caret lines from {@code source} for nodes that come from that
     * text (nodes spliced in from macros keep their own spans but get no caret line).
     */
    public CompileResult<C> compile(Expr expr, SourceText source) {
        Objects.requireNonNull(expr, "expr");
        Planner.Plan<C> plan = new Planner<>(resolver, source).plan(expr);
        boolean failed = false;
        for (Diagnostic d : plan.diagnostics()) {
            failed |= d.isError();
        }
        CompiledCondition<C> condition = failed ? null
                : new CompiledCondition<>(expr, plan.root(), plan.eventTypes(), resolver.eventTypeCount());
        return new CompileResult<>(condition, plan.diagnostics());
    }

    /** Parses and compiles stand-alone condition text (no macros or lists). */
    public CompileResult<C> compile(String condition) {
        ParseResult parsed = ConditionParser.create().parse(condition);
        if (!parsed.ok()) {
            return new CompileResult<>(null, parsed.diagnostics());
        }
        return compile(parsed.expr(), parsed.source());
    }
}
