package dev.falco4j.dsl.ast;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/**
 * A bare identifier in boolean position ({@code spawned_process}): a reference to a macro, which the
 * rules loader replaces with the macro's body using {@link Expander}. The compiler rejects
 * unexpanded references.
 */
public record MacroRef(String name, SourceSpan span) implements Expr {

    /** Validates the fields. */
    public MacroRef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(span, "span");
    }

    @Override
    public <R> R accept(ExprVisitor<R> visitor) {
        return visitor.visitMacroRef(this);
    }
}
