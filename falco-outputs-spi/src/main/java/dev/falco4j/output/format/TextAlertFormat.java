package dev.falco4j.output.format;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSettings;

/**
 * Falco's text alert line: {@code <time>: <Priority> <output>}, the time being the local time of
 * day, or ISO 8601 UTC with {@code time_format_iso_8601}. Control characters from event data are
 * neutralised (see {@link ControlCharacters}). An alert standing for repeats folded by the flood
 * guard ends with {@code (repeated N times)}.
 */
public final class TextAlertFormat implements AlertFormat {
  private final OutputSettings settings;

  /** A text format for these settings. */
  public TextAlertFormat(OutputSettings settings) {
    this.settings = settings;
  }

  @Override
  public String format(Alert alert) {
    return line(alert, true);
  }

  /** The line, with event data neutralised or (for JSON, which escapes it) as it is. */
  String line(Alert alert, boolean neutralize) {
    String time =
        settings.timeFormatIso8601()
            ? AlertTimes.iso8601(alert.epochNanos())
            : AlertTimes.timeOfDay(alert.epochNanos(), settings.zone());
    StringBuilder b = new StringBuilder(time.length() + alert.output().length() + 32);
    b.append(time).append(": ").append(alert.priority().falcoName()).append(' ');
    b.append(neutralize ? ControlCharacters.neutralize(alert.output()) : alert.output());
    if (alert.count() > 1) {
      b.append(" (repeated ").append(alert.count()).append(" times)");
    }
    return b.toString();
  }
}
