package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.List;
import java.util.Objects;

/**
 * A rule exception: a named set of field tuples under which the rule must not fire. {@code fields}
 * and {@code comps} are either both single strings (values are then single values, combined into
 * one {@code field comp (v1, v2, ...)} check) or both lists of equal length (each value row is one
 * conjunction).
 *
 * @param name unique within the rule
 * @param fields the field or fields compared
 * @param comps the comparison operator(s), defaulted as Falco does ({@code =} per field, {@code in}
 *     for a single field)
 * @param values the value rows, including rows appended by later files
 * @param span where the exception was written
 */
public record RuleException(
    String name, ExceptionEntry fields, ExceptionEntry comps, List<ExceptionEntry> values,
    SourceSpan span) {

  /** Validates and copies. */
  public RuleException {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(fields, "fields");
    Objects.requireNonNull(comps, "comps");
    values = List.copyOf(values);
    Objects.requireNonNull(span, "span");
  }
}
