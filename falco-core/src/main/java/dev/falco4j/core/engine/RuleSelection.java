package dev.falco4j.core.engine;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One entry of Falco's {@code rules:} configuration list ({@code - disable: {rule: "Write below *"}}
 * or {@code - enable: {tag: network}}), also produced by the legacy {@code -D}, {@code -t} and {@code
 * -T} flags and usable programmatically. Entries are applied in order after loading, each enabling
 * or disabling the rules it selects.
 *
 * @param enable enable (true) or disable (false) the selected rules
 * @param by what the pattern is matched against
 * @param pattern a rule name with {@code *} wildcards, or a tag (exact)
 */
public record RuleSelection(boolean enable, By by, String pattern) {

  /** What a selection matches. */
  public enum By {
    /** The rule name, with {@code *} matching any run of characters. */
    RULE,
    /** A tag of the rule, exactly. */
    TAG
  }

  /** Validates. */
  public RuleSelection {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(pattern, "pattern");
  }

  /** Enables rules whose name matches {@code pattern} ({@code *} wildcards). */
  public static RuleSelection enableRule(String pattern) {
    return new RuleSelection(true, By.RULE, pattern);
  }

  /** Disables rules whose name matches {@code pattern} ({@code *} wildcards). */
  public static RuleSelection disableRule(String pattern) {
    return new RuleSelection(false, By.RULE, pattern);
  }

  /** Enables rules with {@code tag}. */
  public static RuleSelection enableTag(String tag) {
    return new RuleSelection(true, By.TAG, tag);
  }

  /** Disables rules with {@code tag}. */
  public static RuleSelection disableTag(String tag) {
    return new RuleSelection(false, By.TAG, tag);
  }

  /** Whether this selection applies to a rule. */
  public boolean selects(String ruleName, java.util.Collection<String> tags) {
    return by == By.TAG ? tags.contains(pattern) : wildcard(pattern).matcher(ruleName).matches();
  }

  /** A regular expression for a {@code *} wildcard pattern (everything else literal). */
  static Pattern wildcard(String pattern) {
    StringBuilder re = new StringBuilder();
    int start = 0;
    for (int i = 0; i < pattern.length(); i++) {
      if (pattern.charAt(i) == '*') {
        if (i > start) {
          re.append(Pattern.quote(pattern.substring(start, i)));
        }
        re.append(".*");
        start = i + 1;
      }
    }
    if (start < pattern.length()) {
      re.append(Pattern.quote(pattern.substring(start)));
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }

  @Override
  public String toString() {
    return (enable ? "enable " : "disable ") + by.name().toLowerCase(java.util.Locale.ROOT) + " "
        + pattern;
  }
}
