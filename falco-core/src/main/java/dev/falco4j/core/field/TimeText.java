package dev.falco4j.core.field;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The text forms of an event timestamp ({@code evt.time}, {@code evt.datetime}, ISO 8601), cached
 * for the last timestamp so that several fields of one event, or repeated display, format once.
 * Local time uses the JVM's default zone, as sysdig uses the process's local zone.
 */
final class TimeText {

  private final ZoneId zone = ZoneId.systemDefault();
  private long cachedTs = Long.MIN_VALUE;
  private int cachedKind = -1;
  private String cached;

  String format(long ts, int kind) {
    if (ts == cachedTs && kind == cachedKind) {
      return cached;
    }
    long secs = Math.floorDiv(ts, 1_000_000_000L);
    int nanos = (int) Math.floorMod(ts, 1_000_000_000L);
    StringBuilder sb = new StringBuilder(40);
    LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(secs, nanos),
        kind == EvtFields.TIME_ISO ? ZoneOffset.UTC : zone);
    boolean withDate = kind == EvtFields.TIME_ISO || kind == EvtFields.DATETIME
        || kind == EvtFields.DATETIME_S;
    boolean withFraction = kind != EvtFields.TIME_S && kind != EvtFields.DATETIME_S;
    if (withDate) {
      sb.append(t.getYear()).append('-');
      two(sb, t.getMonthValue()).append('-');
      two(sb, t.getDayOfMonth()).append(kind == EvtFields.TIME_ISO ? 'T' : ' ');
    }
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond());
    if (withFraction) {
      String frac = Integer.toString(nanos);
      sb.append('.');
      for (int i = frac.length(); i < 9; i++) {
        sb.append('0');
      }
      sb.append(frac);
    }
    if (kind == EvtFields.TIME_ISO) {
      sb.append("+0000");
    }
    cachedTs = ts;
    cachedKind = kind;
    cached = sb.toString();
    return cached;
  }

  private static StringBuilder two(StringBuilder sb, int v) {
    if (v < 10) {
      sb.append('0');
    }
    return sb.append(v);
  }
}
