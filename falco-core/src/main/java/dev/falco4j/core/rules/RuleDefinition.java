package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import dev.falco4j.output.Priority;
import java.util.List;
import java.util.Objects;

/**
 * A {@code rule} item after all files were read and every append and override applied, before its
 * condition is compiled.
 *
 * @param name the rule name
 * @param description {@code desc}
 * @param condition the condition as written (appends joined with a blank), without exceptions
 * @param output the output template, trimmed
 * @param priority the priority
 * @param source the event source, {@code syscall} by default
 * @param enabled whether the rule runs (before the configuration's enable/disable selections)
 * @param tags the tags, sorted and without duplicates as Falco keeps them
 * @param exceptions the exceptions, with appended values
 * @param warnEvttypes whether to warn when the condition matches every event type
 * @param skipIfUnknownFilter skip the rule (with a warning) instead of failing on an unknown field
 * @param capture the {@code capture} flag (accepted and kept; capture is not implemented)
 * @param captureDuration the {@code capture_duration} in milliseconds, 0 when not given
 * @param span where the defining item was written
 */
public record RuleDefinition(
    String name,
    String description,
    PositionedText condition,
    PositionedText output,
    Priority priority,
    String source,
    boolean enabled,
    List<String> tags,
    List<RuleException> exceptions,
    boolean warnEvttypes,
    boolean skipIfUnknownFilter,
    boolean capture,
    long captureDuration,
    SourceSpan span) {

  /** Validates and copies. */
  public RuleDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(priority, "priority");
    Objects.requireNonNull(source, "source");
    tags = List.copyOf(tags);
    exceptions = List.copyOf(exceptions);
    Objects.requireNonNull(span, "span");
  }
}
