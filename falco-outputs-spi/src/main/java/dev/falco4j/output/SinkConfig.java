package dev.falco4j.output;

import java.util.Map;
import java.util.Objects;

/**
 * What a provider gets to create a sink: its own configuration section (for the built-in file sink,
 * the {@code file_output} map of falco.yaml) and the global output settings.
 *
 * @param sinkName the provider name this section is for ("file")
 * @param section the sink's section, with typed accessors
 * @param settings the global output settings (json_output, time format, ...)
 */
public record SinkConfig(String sinkName, ConfigSection section, OutputSettings settings) {

  /** Requires all parts. */
  public SinkConfig {
    Objects.requireNonNull(sinkName, "sinkName");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(settings, "settings");
  }

  /**
   * A config for sink {@code name} from a plain map; the section path is {@code <name>_output} as in
   * falco.yaml.
   */
  public static SinkConfig of(String name, Map<String, ?> section, OutputSettings settings) {
    return new SinkConfig(name, new ConfigSection(sectionKey(name), section), settings);
  }

  /** The falco.yaml key of a sink's section: {@code file} is configured under {@code file_output}. */
  public static String sectionKey(String sinkName) {
    return sinkName + "_output";
  }
}
