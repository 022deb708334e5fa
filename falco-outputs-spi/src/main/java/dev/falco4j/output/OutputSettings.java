package dev.falco4j.output;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * The falco.yaml settings that shape every alert, whatever the sink: {@code json_output}, {@code
 * json_include_output_property}, {@code json_include_message_property}, {@code
 * json_include_output_fields}, {@code json_include_tags_property}, {@code time_format_iso_8601}.
 *
 * @param jsonOutput alerts are JSON objects instead of text lines
 * @param jsonIncludeOutputProperty JSON alerts carry the {@code output} property (the whole text
 *     line: time, priority, rule output)
 * @param jsonIncludeMessageProperty JSON alerts carry the {@code message} property (the rule output
 *     alone)
 * @param jsonIncludeOutputFields JSON alerts carry the {@code output_fields} object
 * @param jsonIncludeTagsProperty JSON alerts carry the {@code tags} property
 * @param timeFormatIso8601 text alerts start with an ISO 8601 UTC time instead of the local time of
 *     day
 * @param zone the zone of the time of day in text alerts (the system zone by default)
 */
public record OutputSettings(
    boolean jsonOutput,
    boolean jsonIncludeOutputProperty,
    boolean jsonIncludeMessageProperty,
    boolean jsonIncludeOutputFields,
    boolean jsonIncludeTagsProperty,
    boolean timeFormatIso8601,
    ZoneId zone) {

  /** Falco's defaults: text, ISO time off, JSON with output, output fields and tags. */
  public static final OutputSettings DEFAULTS =
      new OutputSettings(false, true, false, true, true, false, ZoneId.systemDefault());

  /** Requires a zone. */
  public OutputSettings {
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * Reads the settings from the top level of a falco.yaml document (as a plain map); missing keys
   * keep Falco's defaults.
   *
   * @throws SinkConfigException when a key has a value of the wrong type
   */
  public static OutputSettings fromConfig(Map<String, ?> root) {
    ConfigSection top = new ConfigSection("", root);
    return new OutputSettings(
        top.bool("json_output", false),
        top.bool("json_include_output_property", true),
        top.bool("json_include_message_property", false),
        top.bool("json_include_output_fields", true),
        top.bool("json_include_tags_property", true),
        top.bool("time_format_iso_8601", false),
        ZoneId.systemDefault());
  }

  /** These settings with JSON output switched on or off. */
  public OutputSettings withJsonOutput(boolean value) {
    return new OutputSettings(value, jsonIncludeOutputProperty, jsonIncludeMessageProperty,
        jsonIncludeOutputFields, jsonIncludeTagsProperty, timeFormatIso8601, zone);
  }

  /** These settings with another zone for text times. */
  public OutputSettings withZone(ZoneId value) {
    return new OutputSettings(jsonOutput, jsonIncludeOutputProperty, jsonIncludeMessageProperty,
        jsonIncludeOutputFields, jsonIncludeTagsProperty, timeFormatIso8601, value);
  }

  /** These settings with ISO 8601 text times switched on or off. */
  public OutputSettings withTimeFormatIso8601(boolean value) {
    return new OutputSettings(jsonOutput, jsonIncludeOutputProperty, jsonIncludeMessageProperty,
        jsonIncludeOutputFields, jsonIncludeTagsProperty, value, zone);
  }
}
