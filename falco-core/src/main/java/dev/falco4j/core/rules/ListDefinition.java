package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * A {@code list} item after all files were read: its items as written (appends included), in order;
 * an item that names an earlier list is expanded where the list is used.
 *
 * @param name the list name
 * @param items the items, appended ones last
 * @param span where the (first) definition was written
 * @param index definition order among all lists, macros and rules (kept by redefinitions)
 * @param visibility only lists and macros with a lower index may be referred to by this item
 */
public record ListDefinition(String name, List<String> items, SourceSpan span, int index, int visibility) {
  /** Validates and copies. */
  public ListDefinition {
    Objects.requireNonNull(name, "name");
    items = List.copyOf(items);
    Objects.requireNonNull(span, "span");
  }
}
