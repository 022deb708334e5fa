package dev.falco4j.output;

import java.util.Locale;

/**
 * Falco's rule priorities, most severe first. The order and the numeric values are syslog's
 * severities (RFC 5424: emergency 0 .. debug 7), which is also how Falco maps a priority to a syslog
 * message.
 */
public enum Priority {
  EMERGENCY("Emergency"),
  ALERT("Alert"),
  CRITICAL("Critical"),
  ERROR("Error"),
  WARNING("Warning"),
  NOTICE("Notice"),
  INFORMATIONAL("Informational"),
  DEBUG("Debug");

  private static final Priority[] VALUES = values();

  private final String falcoName;

  Priority(String falcoName) {
    this.falcoName = falcoName;
  }

  /** The name Falco prints in alerts and JSON ("Warning", "Informational"). */
  public String falcoName() {
    return falcoName;
  }

  /** The syslog severity of this priority (0 = emergency .. 7 = debug). */
  public int syslogSeverity() {
    return ordinal();
  }

  /** True when this priority is at least as severe as {@code threshold}. */
  public boolean isAtLeast(Priority threshold) {
    return ordinal() <= threshold.ordinal();
  }

  /**
   * Parses a priority as rules files and falco.yaml write it: case-insensitive, and {@code info} is
   * accepted for {@link #INFORMATIONAL} as Falco does.
   *
   * @throws IllegalArgumentException naming the value and the accepted names
   */
  public static Priority parse(String text) {
    if (text != null) {
      String key = text.trim().toLowerCase(Locale.ROOT);
      if (key.equals("info")) {
        return INFORMATIONAL;
      }
      for (Priority p : VALUES) {
        if (p.falcoName.toLowerCase(Locale.ROOT).equals(key)) {
          return p;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown priority '"
            + text
            + "': expected one of emergency, alert, critical, error, warning, notice,"
            + " informational (or info), debug");
  }

  /** The priority with the given syslog severity (0..7). */
  public static Priority fromSyslogSeverity(int severity) {
    if (severity < 0 || severity >= VALUES.length) {
      throw new IllegalArgumentException("syslog severity out of range 0..7: " + severity);
    }
    return VALUES[severity];
  }
}
