package dev.falco4j.output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Typed, validated reads from one section of a configuration document held as a plain map (what a
 * YAML parser produces: maps, lists, strings, numbers, booleans). Errors name the full key path, so
 * a user sees {@code file_output.keep_alive: expected true or false, got "maybe"}.
 */
public final class ConfigSection {
  private final String path;
  private final Map<String, ?> values;

  /**
   * A section.
   *
   * @param path the dotted path of this section in the document ("" for the top level)
   * @param values the section's keys and values; null means an empty section
   */
  public ConfigSection(String path, Map<String, ?> values) {
    this.path = path;
    this.values = values == null ? Map.of() : Collections.unmodifiableMap(values);
  }

  /** Dotted path of this section ("" at the top level). */
  public String path() {
    return path;
  }

  /** The raw values of this section, unmodifiable. */
  public Map<String, ?> values() {
    return values;
  }

  /** True when the key is present with a non-null value. */
  public boolean has(String key) {
    return values.get(key) != null;
  }

  /** The dotted path of a key of this section, for messages. */
  public String keyPath(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  /** A string value, or {@code fallback} when missing; scalars are accepted as their text. */
  public String string(String key, String fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map || v instanceof List) {
      throw new SinkConfigException(keyPath(key) + ": expected a string, got a " + kind(v));
    }
    return v.toString();
  }

  /** A required, non-blank string value. */
  public String requireString(String key) {
    String s = string(key, null);
    if (s == null || s.isBlank()) {
      throw new SinkConfigException(keyPath(key) + ": required, but missing or empty");
    }
    return s;
  }

  /** A boolean: YAML booleans or the strings true/false (any case). */
  public boolean bool(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    String s = v.toString().trim().toLowerCase(Locale.ROOT);
    if (s.equals("true")) {
      return true;
    }
    if (s.equals("false")) {
      return false;
    }
    throw new SinkConfigException(keyPath(key) + ": expected true or false, got \"" + v + "\"");
  }

  /** A long integer within {@code [min, max]}. */
  public long integer(String key, long fallback, long min, long max) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    long n;
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      n = ((Number) v).longValue();
    } else {
      try {
        n = Long.parseLong(v.toString().trim());
      } catch (NumberFormatException e) {
        throw new SinkConfigException(keyPath(key) + ": expected an integer, got \"" + v + "\"");
      }
    }
    if (n < min || n > max) {
      throw new SinkConfigException(
          keyPath(key) + ": " + n + " is out of range [" + min + ", " + max + "]");
    }
    return n;
  }

  /** A required long integer within {@code [min, max]}. */
  public long requireInteger(String key, long min, long max) {
    if (!has(key)) {
      throw new SinkConfigException(keyPath(key) + ": required, but missing");
    }
    return integer(key, min, min, max);
  }

  /** A duration given as an integer number of milliseconds (Falco's convention). */
  public Duration millis(String key, Duration fallback) {
    if (!has(key)) {
      return fallback;
    }
    return Duration.ofMillis(integer(key, 0, 0, Integer.MAX_VALUE));
  }

  /** A nested section; empty when missing. */
  public ConfigSection section(String key) {
    Object v = values.get(key);
    if (v == null) {
      return new ConfigSection(keyPath(key), Map.of());
    }
    if (!(v instanceof Map<?, ?> map)) {
      throw new SinkConfigException(keyPath(key) + ": expected a section (map), got a " + kind(v));
    }
    for (Object k : map.keySet()) {
      if (!(k instanceof String)) {
        throw new SinkConfigException(keyPath(key) + ": key " + k + " is not a string");
      }
    }
    @SuppressWarnings("unchecked")
    Map<String, ?> typed = (Map<String, ?>) map;
    return new ConfigSection(keyPath(key), typed);
  }

  /** A list of strings; a single scalar counts as a list of one; empty when missing. */
  public List<String> stringList(String key) {
    Object v = values.get(key);
    if (v == null) {
      return List.of();
    }
    if (v instanceof List<?> list) {
      List<String> out = new ArrayList<>(list.size());
      for (Object item : list) {
        if (item == null || item instanceof Map || item instanceof List) {
          throw new SinkConfigException(keyPath(key) + ": expected a list of strings");
        }
        out.add(item.toString());
      }
      return List.copyOf(out);
    }
    if (v instanceof Map) {
      throw new SinkConfigException(keyPath(key) + ": expected a list, got a map");
    }
    return List.of(v.toString());
  }

  private static String kind(Object v) {
    return v instanceof Map ? "map" : v instanceof List ? "list" : v.getClass().getSimpleName();
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "<top>" : path) + values;
  }
}
