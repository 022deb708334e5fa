package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/**
 * A {@code macro} item after all files were read.
 *
 * @param name the macro name
 * @param condition the condition text (appends joined with a blank), with positions
 * @param span where the definition in effect was written
 * @param index definition order among all lists, macros and rules (kept by redefinitions)
 * @param visibility only lists and macros with a lower index may be referred to by this item
 */
public record MacroDefinition(String name, PositionedText condition, SourceSpan span, int index, int visibility) {
  /** Validates. */
  public MacroDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(span, "span");
  }
}
