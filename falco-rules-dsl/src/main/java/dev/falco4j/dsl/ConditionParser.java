package dev.falco4j.dsl;

import dev.falco4j.dsl.parse.ConditionReader;

/**
 * Parses condition text into an AST ({@link dev.falco4j.dsl.ast.Expr}) or diagnostics. Instances
 * are immutable and thread-safe.
 *
 * <pre>{@code
 * ParseResult r = ConditionParser.create().parse(text, "rules.yaml", 120, 14);
 * if (!r.ok()) r.diagnostics().forEach(d -> log(d.render()));
 * }</pre>
 */
public final class ConditionParser {

    /** Falco's default nesting limit (parentheses, {@code not} chains, transformers). */
    public static final int DEFAULT_MAX_DEPTH = 100;

    private final int maxDepth;

    private ConditionParser(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** A parser with the default nesting limit. */
    public static ConditionParser create() {
        return new ConditionParser(DEFAULT_MAX_DEPTH);
    }

    /** A parser with another nesting limit (at least 1). */
    public static ConditionParser withMaxDepth(int maxDepth) {
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1");
        }
        return new ConditionParser(maxDepth);
    }

    /** The nesting limit. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Parses a stand-alone condition (source name {@code <condition>}). */
    public ParseResult parse(String text) {
        return parse(SourceText.of(text));
    }

    /**
     * Parses a condition embedded in a file.
     *
     * @param text       the condition
     * @param sourceName file name for messages
     * @param baseLine   file line where the condition starts (1-based)
     * @param baseColumn file column where the condition starts (1-based)
     */
    public ParseResult parse(String text, String sourceName, int baseLine, int baseColumn) {
        return parse(new SourceText(text, sourceName, baseLine, baseColumn));
    }

    /** Parses a condition with its source description. */
    public ParseResult parse(SourceText source) {
        return ConditionReader.read(source, maxDepth);
    }
}
