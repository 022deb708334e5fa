package dev.falco4j.core.engine;

import java.util.Locale;

/** Falco's {@code rule_matching}: how many alerts one event may raise. */
public enum RuleMatching {
  /** At most one alert per event: the first matching rule in load order (Falco's default). */
  FIRST,
  /** One alert per matching rule. */
  ALL;

  /**
   * Parses {@code first} or {@code all} (case-insensitive).
   *
   * @throws IllegalArgumentException for anything else
   */
  public static RuleMatching parse(String text) {
    String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    return switch (t) {
      case "first" -> FIRST;
      case "all" -> ALL;
      default -> throw new IllegalArgumentException(
          "invalid rule_matching '" + text + "': expected 'first' or 'all'");
    };
  }
}
