package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * A parenthesised list {@code (a, "b c", 'd', 1)}. Before expansion a bare item may name a list
 * ({@code (shell_binaries, sh)}); {@link Expander} splices the named list's items in.
 */
public record ListLit(List<StringLit> items, SourceSpan span) implements Value {

    /** Copies the items. */
    public ListLit {
        items = List.copyOf(items);
        Objects.requireNonNull(span, "span");
    }
}
