package dev.falco4j.dsl.ast;

/** The check operators of Falco's condition language. */
public enum Operator {
    /** Equality; {@code ==} is accepted as a synonym and printed as {@code =}. */
    EQ("=", Arity.BINARY),
    /** Inequality. */
    NE("!=", Arity.BINARY),
    /** Less than (numeric operand). */
    LT("<", Arity.NUMERIC),
    /** Less than or equal (numeric operand). */
    LE("<=", Arity.NUMERIC),
    /** Greater than (numeric operand). */
    GT(">", Arity.NUMERIC),
    /** Greater than or equal (numeric operand). */
    GE(">=", Arity.NUMERIC),
    /** Substring. */
    CONTAINS("contains", Arity.BINARY),
    /** Case-insensitive substring (ASCII case folding). */
    ICONTAINS("icontains", Arity.BINARY),
    /** Byte substring; the operand is hex ({@code bcontains 2f6574}). */
    BCONTAINS("bcontains", Arity.BINARY),
    /** Prefix. */
    STARTSWITH("startswith", Arity.BINARY),
    /** Byte prefix; the operand is hex. */
    BSTARTSWITH("bstartswith", Arity.BINARY),
    /** Suffix. */
    ENDSWITH("endswith", Arity.BINARY),
    /** Shell-style wildcard match of the whole value ({@code *}, {@code ?}, {@code [...]}). */
    GLOB("glob", Arity.BINARY),
    /** Case-insensitive glob. */
    IGLOB("iglob", Arity.BINARY),
    /** Regular expression (RE2 syntax, linear time); matches anywhere unless anchored. */
    REGEX("regex", Arity.BINARY),
    /** Membership in a list. */
    IN("in", Arity.LIST),
    /** A multi-valued field shares at least one value with the list. */
    INTERSECTS("intersects", Arity.LIST),
    /** Path-prefix match: the value equals one of the paths or lies under one of them. */
    PMATCH("pmatch", Arity.LIST),
    /** The field has a value for this event. */
    EXISTS("exists", Arity.UNARY);

    /** Shape of the right operand. */
    public enum Arity {
        /** No right operand. */
        UNARY,
        /** A single value (or a list with a modifier, or a field). */
        BINARY,
        /** A number (or a field). */
        NUMERIC,
        /** A list, a list reference or a field. */
        LIST
    }

    private final String symbol;
    private final Arity arity;

    Operator(String symbol, Arity arity) {
        this.symbol = symbol;
        this.arity = arity;
    }

    /** The operator as printed. */
    public String symbol() {
        return symbol;
    }

    /** Shape of the right operand. */
    public Arity arity() {
        return arity;
    }

    /** Whether the operator takes no right operand. */
    public boolean isUnary() {
        return arity == Arity.UNARY;
    }

    /** Whether the right operand is a list. */
    public boolean takesList() {
        return arity == Arity.LIST;
    }

    /** The operator for its spelling ({@code ==} maps to {@link #EQ}), or {@code null}. */
    public static Operator ofSymbol(String text) {
        if ("==".equals(text)) {
            return EQ;
        }
        for (Operator op : values()) {
            if (op.symbol.equals(text)) {
                return op;
            }
        }
        return null;
    }
}
