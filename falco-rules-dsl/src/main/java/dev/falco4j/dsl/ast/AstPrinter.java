package dev.falco4j.dsl.ast;

import java.util.List;

/**
 * Renders an AST back to condition text. Parsing the output yields an equivalent AST
 * ({@link AstEquivalence}): nested {@code and}/{@code or} nodes keep their parentheses, literals keep
 * their quoting style, and quoted text is re-escaped.
 */
public final class AstPrinter {

    private AstPrinter() {
    }

    /** Renders an expression on one line. */
    public static String print(Expr expr) {
        StringBuilder sb = new StringBuilder();
        expr(sb, expr);
        return sb.toString();
    }

    /** Renders an operand (field, transformer or value). */
    public static String print(Operand operand) {
        StringBuilder sb = new StringBuilder();
        operand(sb, operand);
        return sb.toString();
    }

    private static void expr(StringBuilder sb, Expr e) {
        if (e instanceof And and) {
            junction(sb, and.operands(), " and ");
        } else if (e instanceof Or or) {
            junction(sb, or.operands(), " or ");
        } else if (e instanceof Not not) {
            sb.append("not ");
            child(sb, not.operand());
        } else if (e instanceof MacroRef ref) {
            sb.append(ref.name());
        } else {
            check(sb, (Check) e);
        }
    }

    private static void junction(StringBuilder sb, List<Expr> operands, String keyword) {
        for (int i = 0; i < operands.size(); i++) {
            if (i > 0) {
                sb.append(keyword);
            }
            child(sb, operands.get(i));
        }
    }

    /** Operands of and/or/not: nested junctions are parenthesised so the tree shape survives. */
    private static void child(StringBuilder sb, Expr e) {
        if (e instanceof And || e instanceof Or) {
            sb.append('(');
            expr(sb, e);
            sb.append(')');
        } else {
            expr(sb, e);
        }
    }

    private static void check(StringBuilder sb, Check c) {
        operand(sb, c.left());
        sb.append(' ').append(c.operator().symbol());
        if (c.right() == null) {
            return;
        }
        sb.append(' ');
        if (c.modifier() != ListModifier.NONE) {
            sb.append(c.modifier().keyword()).append(' ');
            if (c.right() instanceof ListRef ref) {
                // a modifier is always followed by a parenthesised list in the grammar
                sb.append('(').append(ref.name()).append(')');
                return;
            }
        }
        operand(sb, c.right());
    }

    private static void operand(StringBuilder sb, Operand o) {
        if (o instanceof FieldRef f) {
            sb.append(f.name());
            if (f.argument() != null) {
                sb.append('[');
                if (isBareArgument(f.argument())) {
                    sb.append(f.argument());
                } else {
                    quote(sb, f.argument(), '"');
                }
                sb.append(']');
            }
        } else if (o instanceof Transform t) {
            sb.append(t.transformer().functionName()).append('(');
            for (int i = 0; i < t.arguments().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                Operand a = t.arguments().get(i);
                if (a instanceof StringLit s) {
                    // in argument position only quoted strings exist
                    quote(sb, s.value(), s.quoting() == Quoting.SINGLE ? '\'' : '"');
                } else {
                    operand(sb, a);
                }
            }
            sb.append(')');
        } else if (o instanceof ValRef v) {
            sb.append("val(");
            operand(sb, v.field());
            sb.append(')');
        } else if (o instanceof ListRef r) {
            sb.append(r.name());
        } else if (o instanceof ListLit l) {
            sb.append('(');
            for (int i = 0; i < l.items().size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                literal(sb, l.items().get(i));
            }
            sb.append(')');
        } else {
            literal(sb, (StringLit) o);
        }
    }

    private static void literal(StringBuilder sb, StringLit s) {
        switch (s.quoting()) {
            case BARE -> {
                if (isBareValue(s.value())) {
                    sb.append(s.value());
                } else {
                    // built by code with characters a bare word cannot hold
                    quote(sb, s.value(), '"');
                }
            }
            case SINGLE -> quote(sb, s.value(), '\'');
            default -> quote(sb, s.value(), '"');
        }
    }

    /** Whether text lexes back as one bare value word (and not as a modifier or transformer). */
    static boolean isBareValue(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\b'
                    || c == '(' || c == ')' || c == ',' || c == '=' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    private static boolean isBareArgument(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\b'
                    || c == '[' || c == ']' || c == '"' || c == '\'') {
                return false;
            }
        }
        return true;
    }

    /** Quotes text with the escapes Falco understands. */
    static void quote(StringBuilder sb, String text, char delimiter) {
        sb.append(delimiter);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == delimiter) {
                        sb.append('\\');
                    }
                    sb.append(c);
                }
            }
        }
        sb.append(delimiter);
    }
}
