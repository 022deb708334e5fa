package dev.falco4j.dsl.ast;

/**
 * How a string operator applies to a list operand ({@code proc.name startswith anyof (a, b)}).
 */
public enum ListModifier {
    /** No modifier written: the right operand is a single value (or the operator takes a list). */
    NONE(""),
    /** True when the operator holds for at least one item. */
    ANYOF("anyof"),
    /** True when the operator holds for every item. */
    ALLOF("allof"),
    /** True when the operator holds for exactly one item. */
    ONEOF("oneof");

    private final String keyword;

    ListModifier(String keyword) {
        this.keyword = keyword;
    }

    /** The keyword as written in conditions; empty for {@link #NONE}. */
    public String keyword() {
        return keyword;
    }

    /** The modifier for a keyword, or {@code null}. */
    public static ListModifier ofKeyword(String keyword) {
        for (ListModifier m : values()) {
            if (m != NONE && m.keyword.equals(keyword)) {
                return m;
            }
        }
        return null;
    }
}
