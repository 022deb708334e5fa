package dev.falco4j.output.format;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The two time renderings Falco uses: ISO 8601 in UTC with nanoseconds ({@code
 * 2026-11-28T01:02:03.123456789Z}, JSON alerts and {@code time_format_iso_8601: true}) and the local
 * time of day with nanoseconds ({@code 01:02:03.123456789}, text alerts by default).
 */
public final class AlertTimes {
  private AlertTimes() {}

  /** ISO 8601, UTC, always nine fraction digits and a 'Z'. */
  public static String iso8601(long epochNanos) {
    LocalDateTime t = toDateTime(epochNanos, ZoneOffset.UTC);
    StringBuilder b = new StringBuilder(30);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    timeOfDay(b, t);
    return b.append('Z').toString();
  }

  /** The time of day in {@code zone}, {@code HH:MM:SS.nnnnnnnnn}. */
  public static String timeOfDay(long epochNanos, ZoneId zone) {
    StringBuilder b = new StringBuilder(18);
    timeOfDay(b, toDateTime(epochNanos, zone));
    return b.toString();
  }

  private static LocalDateTime toDateTime(long epochNanos, ZoneId zone) {
    long seconds = Math.floorDiv(epochNanos, 1_000_000_000L);
    int nanos = (int) Math.floorMod(epochNanos, 1_000_000_000L);
    ZoneOffset offset =
        zone instanceof ZoneOffset o
            ? o
            : zone.getRules().getOffset(java.time.Instant.ofEpochSecond(seconds));
    return LocalDateTime.ofEpochSecond(seconds, nanos, offset);
  }

  private static void timeOfDay(StringBuilder b, LocalDateTime t) {
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2).append('.');
    pad(b, t.getNano(), 9);
  }

  private static StringBuilder pad(StringBuilder b, int value, int width) {
    String s = Integer.toString(value);
    for (int i = s.length(); i < width; i++) {
      b.append('0');
    }
    return b.append(s);
  }
}
