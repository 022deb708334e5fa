package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * One of the {@code fields}, {@code comps} or {@code values} of a rule exception as written: either
 * a single string or a list of entries (a values row is a list whose items may themselves be lists,
 * e.g. {@code [nginx, [/etc/a, /etc/b]]}).
 *
 * @param item the string when {@code isList} is false
 * @param items the entries when {@code isList} is true
 * @param isList which of the two this is
 * @param span where it was written
 */
public record ExceptionEntry(String item, List<ExceptionEntry> items, boolean isList, SourceSpan span) {

  /** Validates and copies. */
  public ExceptionEntry {
    item = item == null ? "" : item;
    items = List.copyOf(items);
    Objects.requireNonNull(span, "span");
  }

  /** A single string. */
  public static ExceptionEntry of(String item, SourceSpan span) {
    return new ExceptionEntry(item, List.of(), false, span);
  }

  /** A list of entries. */
  public static ExceptionEntry ofList(List<ExceptionEntry> items, SourceSpan span) {
    return new ExceptionEntry("", items, true, span);
  }

  @Override
  public String toString() {
    return isList ? items.toString() : item;
  }
}
