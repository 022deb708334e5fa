package dev.falco4j.core.rules;

import java.util.Objects;

/**
 * One entry of {@code required_plugin_versions}: a plugin name and the minimum version the rules
 * need. Falco4J records these (and lists them with {@code -L}); it has no plugins to check them
 * against.
 *
 * @param name plugin name
 * @param version minimum version, semver
 */
public record PluginRequirement(String name, String version) {
  /** Validates. */
  public PluginRequirement {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
  }
}
