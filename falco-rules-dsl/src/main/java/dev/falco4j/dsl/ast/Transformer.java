package dev.falco4j.dsl.ast;

/** Field transformers: functions applied to field values before the comparison. */
public enum Transformer {
    /** ASCII lower case of a string. */
    TOLOWER("tolower"),
    /** ASCII upper case of a string. */
    TOUPPER("toupper"),
    /** Base64 decoding of a string (values that are not valid base64 are missing). */
    B64("b64"),
    /** The last path component ({@code /usr/bin/ls} to {@code ls}). */
    BASENAME("basename"),
    /** Length in bytes of a string (or number of values of a multi-valued field). */
    LEN("len"),
    /** {@code join(sep, field)}: the values of a multi-valued field joined by a separator. */
    JOIN("join"),
    /** {@code concat(a, b, ...)}: fields and literal strings concatenated. */
    CONCAT("concat"),
    /**
     * {@code getopt(field, opt)}: the value following option {@code opt} (e.g. {@code -c}) in a
     * multi-valued argument list such as {@code proc.args}.
     */
    GETOPT("getopt");

    private final String functionName;

    Transformer(String functionName) {
        this.functionName = functionName;
    }

    /** The name as written before the parenthesis. */
    public String functionName() {
        return functionName;
    }

    /** The transformer for a name, or {@code null}. */
    public static Transformer ofName(String name) {
        for (Transformer t : values()) {
            if (t.functionName.equals(name)) {
                return t;
            }
        }
        return null;
    }
}
