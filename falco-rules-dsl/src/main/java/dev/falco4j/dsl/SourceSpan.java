package dev.falco4j.dsl;

import java.util.Objects;

/**
 * A region of source text: the file (or other source name), 1-based line and column of its first
 * character, its 0-based character offset in the condition text and its length in characters.
 *
 * <p>Spans are values; they never take part in structural comparison of AST nodes
 * (see {@link dev.falco4j.dsl.ast.AstEquivalence}).
 */
public record SourceSpan(String file, int line, int column, int offset, int length) {

    /** The span of nodes built by code rather than parsed from text. */
    public static final SourceSpan NONE = new SourceSpan("<none>", 0, 0, 0, 0);

    /** Validates the fields; line and column are 1-based except for {@link #NONE}. */
    public SourceSpan {
        Objects.requireNonNull(file, "file");
        if (line < 0 || column < 0 || offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative span component: " + line + ":" + column + "+" + offset + "/" + length);
        }
    }

    /** The smallest span covering this span and {@code other} (same file assumed). */
    public SourceSpan to(SourceSpan other) {
        if (this == NONE) {
            return other;
        }
        if (other == NONE) {
            return this;
        }
        SourceSpan first = offset <= other.offset ? this : other;
        int end = Math.max(offset + length, other.offset + other.length);
        return new SourceSpan(file, first.line, first.column, first.offset, end - first.offset);
    }

    /** {@code file:line:column}. */
    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
