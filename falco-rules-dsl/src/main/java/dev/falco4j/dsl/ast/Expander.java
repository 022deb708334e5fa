package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.Diagnostic;
import dev.falco4j.dsl.SourceSpan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Replaces macro references with macro bodies and list references with list items, the way Falco's
 * rules loader does:
 * <ul>
 *   <li>a {@link MacroRef} becomes the body returned by the macro resolver, itself expanded;</li>
 *   <li>a bare item of a list operand ({@code in}, {@code intersects}, {@code pmatch}, or a list
 *       after a modifier) that names a list is replaced by that list's items, in place, so lists
 *       mix with literal items ({@code (shell_binaries, "my sh")}); quoted items are never list
 *       references;</li>
 *   <li>a {@link ListRef} ({@code in shell_binaries}) becomes a {@link ListLit}.</li>
 * </ul>
 * Resolvers return {@code null} for unknown names. Unknown macros and list references written
 * without parentheses are errors; an unknown bare item is kept as a literal. Reference loops
 * ({@code a -> b -> a}) are reported instead of recursing forever. The items a list resolver returns
 * may themselves be bare names of lists; they are expanded too.
 *
 * <p>Not thread-safe: use one instance per expansion or per thread. Instances are cheap.
 */
public final class Expander {

    /** Deepest macro nesting accepted; Falco rule sets stay far below. */
    private static final int MAX_MACRO_DEPTH = 64;

    private final Function<String, Expr> macros;
    private final Function<String, List<StringLit>> lists;
    private final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> usedMacros = new LinkedHashSet<>();
    private final Set<String> usedLists = new LinkedHashSet<>();
    private final Deque<String> macroStack = new ArrayDeque<>();
    private final Deque<String> listStack = new ArrayDeque<>();

    /**
     * @param macros macro name to macro body (as parsed, not yet expanded), or {@code null}
     * @param lists  list name to its items (bare items may name other lists), or {@code null}
     */
    public Expander(Function<String, Expr> macros, Function<String, List<StringLit>> lists) {
        this.macros = macros;
        this.lists = lists;
    }

    /** The outcome of {@link #expand}: the expanded tree (when there are no errors) and problems. */
    public record Result(Expr expr, List<Diagnostic> diagnostics, Set<String> usedMacros, Set<String> usedLists) {
        /** Copies the collections. */
        public Result {
            diagnostics = List.copyOf(diagnostics);
            usedMacros = Set.copyOf(usedMacros);
            usedLists = Set.copyOf(usedLists);
        }

        /** Whether any diagnostic is an error. */
        public boolean hasErrors() {
            for (Diagnostic d : diagnostics) {
                if (d.isError()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Expands every macro and list reference in {@code expr}. */
    public Result expand(Expr expr) {
        diagnostics.clear();
        usedMacros.clear();
        usedLists.clear();
        macroStack.clear();
        listStack.clear();
        Expr out = expr(expr);
        return new Result(diagnostics.isEmpty() ? out : null, diagnostics, usedMacros, usedLists);
    }

    private Expr expr(Expr e) {
        if (e instanceof And and) {
            return new And(all(and.operands()), and.span());
        } else if (e instanceof Or or) {
            return new Or(all(or.operands()), or.span());
        } else if (e instanceof Not not) {
            return new Not(expr(not.operand()), not.span());
        } else if (e instanceof MacroRef ref) {
            return macro(ref);
        }
        return check((Check) e);
    }

    private List<Expr> all(List<Expr> operands) {
        List<Expr> out = new ArrayList<>(operands.size());
        for (Expr e : operands) {
            out.add(expr(e));
        }
        return out;
    }

    private Expr macro(MacroRef ref) {
        String name = ref.name();
        if (macroStack.contains(name)) {
            error(ref.span(), "macro '" + name + "' references itself: " + chain(macroStack, name));
            return ref;
        }
        if (macroStack.size() >= MAX_MACRO_DEPTH) {
            error(ref.span(), "macros nested deeper than " + MAX_MACRO_DEPTH + " levels at '" + name + "'");
            return ref;
        }
        Expr body = macros == null ? null : macros.apply(name);
        if (body == null) {
            error(ref.span(), "undefined macro '" + name + "'");
            return ref;
        }
        usedMacros.add(name);
        macroStack.addLast(name);
        Expr out = expr(body);
        macroStack.removeLast();
        return out;
    }

    private Expr check(Check c) {
        Operand right = c.right();
        if (right instanceof ListRef ref) {
            List<StringLit> items = new ArrayList<>();
            if (!list(ref.name(), ref.span(), items, true)) {
                return c;
            }
            return c.withRight(new ListLit(items, ref.span()));
        }
        if (right instanceof ListLit lit && (c.operator().takesList() || c.modifier() != ListModifier.NONE)) {
            List<StringLit> items = new ArrayList<>(lit.items().size());
            boolean changed = false;
            for (StringLit item : lit.items()) {
                if (item.isBare() && list(item.value(), item.span(), items, false)) {
                    changed = true;
                } else {
                    items.add(item);
                }
            }
            return changed ? c.withRight(new ListLit(items, lit.span())) : c;
        }
        return c;
    }

    /**
     * Appends the items of list {@code name} to {@code out}; returns false when there is no such
     * list (an error only when {@code required}).
     */
    private boolean list(String name, SourceSpan span, List<StringLit> out, boolean required) {
        if (listStack.contains(name)) {
            error(span, "list '" + name + "' references itself: " + chain(listStack, name));
            return true;
        }
        List<StringLit> items = lists == null ? null : lists.apply(name);
        if (items == null) {
            if (required) {
                error(span, "undefined list '" + name + "'");
            }
            return false;
        }
        usedLists.add(name);
        listStack.addLast(name);
        for (StringLit item : items) {
            if (!(item.isBare() && list(item.value(), item.span(), out, false))) {
                out.add(item);
            }
        }
        listStack.removeLast();
        return true;
    }

    private static String chain(Deque<String> stack, String again) {
        StringBuilder sb = new StringBuilder();
        boolean inLoop = false;
        for (String s : stack) {
            inLoop |= s.equals(again);
            if (inLoop) {
                sb.append(s).append(" -> ");
            }
        }
        return sb.append(again).toString();
    }

    private void error(SourceSpan span, String message) {
        diagnostics.add(new Diagnostic(Diagnostic.Severity.ERROR, span, message, "", 0));
    }
}
