package dev.falco4j.core.rules;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A rules engine version (semver {@code major.minor.patch}) as {@code required_engine_version} names
 * it. A bare integer {@code N} in a rules file means {@code 0.N.0}, as in Falco.
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 */
public record EngineVersion(int major, int minor, int patch) implements Comparable<EngineVersion> {

  /**
   * The version of the rules language this engine implements: the fields, operators and item keys
   * of the Falco release whose rules files we load (falcosecurity/rules needs 0.57.0).
   */
  public static final EngineVersion CURRENT = new EngineVersion(0, 57, 0);

  private static final Pattern SEMVER = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  /** Creates a version. */
  public static EngineVersion of(int major, int minor, int patch) {
    return new EngineVersion(major, minor, patch);
  }

  /**
   * Parses {@code x.y.z} or a bare integer.
   *
   * @throws IllegalArgumentException when the text is neither
   */
  public static EngineVersion parse(String text) {
    Objects.requireNonNull(text, "text");
    String t = text.strip();
    if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
      try {
        return new EngineVersion(0, Integer.parseInt(t), 0);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("engine version '" + text + "' is too large", e);
      }
    }
    Matcher m = SEMVER.matcher(t);
    if (!m.matches()) {
      throw new IllegalArgumentException("unable to parse engine version '" + text
          + "' as a semver string, expected \"x.y.z\" semver format");
    }
    try {
      return new EngineVersion(
          Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("engine version '" + text + "' is too large", e);
    }
  }

  /** True when rules requiring {@code required} run on this version: same major, not older. */
  public boolean isCompatibleWith(EngineVersion required) {
    return major == required.major && compareTo(required) >= 0;
  }

  @Override
  public int compareTo(EngineVersion o) {
    if (major != o.major) {
      return Integer.compare(major, o.major);
    }
    if (minor != o.minor) {
      return Integer.compare(minor, o.minor);
    }
    return Integer.compare(patch, o.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
