package dev.falco4j.core.engine;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of Falco's {@code append_output}: for the rules it matches (by source, tags and rule
 * name; an empty criterion matches all), text appended to the output line after a blank, and extra
 * fields added to the JSON {@code output_fields} only.
 *
 * @param source the rule source to match, empty for any
 * @param tags tags a rule must all have
 * @param rule the exact rule name to match, empty for any
 * @param extraOutput text (with {@code %field} tokens) appended to the output, may be empty
 * @param extraFields JSON key to format ({@code evt.cpu -> %evt.cpu}, or a custom key to a format)
 */
public record AppendOutput(
    String source, Set<String> tags, String rule, String extraOutput, Map<String, String> extraFields) {

  /** Validates and copies. */
  public AppendOutput {
    source = source == null ? "" : source;
    tags = Set.copyOf(tags);
    rule = rule == null ? "" : rule;
    extraOutput = extraOutput == null ? "" : extraOutput;
    extraFields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extraFields));
  }

  /** Whether this entry applies to a rule. */
  public boolean matches(String ruleName, String ruleSource, List<String> ruleTags) {
    return (source.isEmpty() || source.equals(ruleSource))
        && ruleTags.containsAll(tags)
        && (rule.isEmpty() || rule.equals(ruleName));
  }

  /** Appends {@code text} to the output of every rule. */
  public static AppendOutput everywhere(String text) {
    Objects.requireNonNull(text, "text");
    return new AppendOutput("", Set.of(), "", text, Map.of());
  }
}
