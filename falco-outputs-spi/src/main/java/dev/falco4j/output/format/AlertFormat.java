package dev.falco4j.output.format;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSettings;

/**
 * Turns an alert into one line of text, without the line terminator. Implementations are immutable
 * and thread-safe. The line never contains a line break, whatever the event data held, so one alert
 * is always exactly one line.
 */
public interface AlertFormat {

  /** The alert as one line. */
  String format(Alert alert);

  /** The format falco.yaml selects: JSON when {@code json_output} is true, text otherwise. */
  static AlertFormat forSettings(OutputSettings settings) {
    return settings.jsonOutput() ? new JsonAlertFormat(settings) : new TextAlertFormat(settings);
  }
}
