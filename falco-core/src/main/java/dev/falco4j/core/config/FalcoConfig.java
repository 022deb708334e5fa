package dev.falco4j.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A falco.yaml configuration as a tree of plain values (maps with string keys in written order,
 * lists, strings, numbers, booleans, null), with typed access by dotted path ({@code
 * outputs_queue.capacity}, {@code rules_files[0]}). Immutable: {@link #with} returns a copy.
 *
 * <p>Build one with {@link ConfigLoader}: bundled defaults, then a file, then {@code -o}
 * overrides. The tree is what the outputs module's {@code OutputsConfig.fromConfig} reads.
 */
public final class FalcoConfig {
  private final Map<String, Object> root;
  private final String origin;

  FalcoConfig(Map<String, Object> root, String origin) {
    this.root = deepFreeze(root);
    this.origin = origin;
  }

  /** An empty configuration (every key at its default in the code that reads it). */
  public static FalcoConfig empty() {
    return new FalcoConfig(Map.of(), "<empty>");
  }

  /** The whole tree (unmodifiable). */
  public Map<String, Object> root() {
    return root;
  }

  /** Where this configuration came from, for messages (files and overrides). */
  public String origin() {
    return origin;
  }

  /** The value at a dotted path, or null when absent. */
  public Object get(String path) {
    Object node = root;
    for (ConfigPath.Step step : ConfigPath.parse(path)) {
      if (step.index() == ConfigPath.NO_INDEX) {
        if (!(node instanceof Map<?, ?> m)) {
          return null;
        }
        node = m.get(step.key());
      } else {
        if (!(node instanceof List<?> l) || step.index() < 0 || step.index() >= l.size()) {
          return null;
        }
        node = l.get(step.index());
      }
      if (node == null) {
        return null;
      }
    }
    return node;
  }

  /** Whether a path has a (non-null) value. */
  public boolean has(String path) {
    return get(path) != null;
  }

  /** A string value; numbers and booleans are rendered; {@code fallback} when absent. */
  public String string(String path, String fallback) throws ConfigException {
    Object v = get(path);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map || v instanceof List) {
      throw wrongType(path, "a string", v);
    }
    return v.toString();
  }

  /** A boolean ({@code true/false/yes/no/on/off}); {@code fallback} when absent. */
  public boolean bool(String path, boolean fallback) throws ConfigException {
    Object v = get(path);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    switch (v.toString().strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "on", "y" -> {
        return true;
      }
      case "false", "no", "off", "n" -> {
        return false;
      }
      default -> throw wrongType(path, "a boolean (true or false)", v);
    }
  }

  /** An integer; {@code fallback} when absent. */
  public long integer(String path, long fallback) throws ConfigException {
    Object v = get(path);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
      return n.longValue();
    }
    try {
      return Long.parseLong(v.toString().strip());
    } catch (NumberFormatException e) {
      throw wrongType(path, "an integer", v);
    }
  }

  /** A list (empty when absent). */
  public List<Object> list(String path) throws ConfigException {
    Object v = get(path);
    if (v == null) {
      return List.of();
    }
    if (!(v instanceof List<?> l)) {
      throw wrongType(path, "a list", v);
    }
    return Collections.unmodifiableList(new ArrayList<>(l));
  }

  /** A list of strings (empty when absent); scalars are rendered as strings. */
  public List<String> stringList(String path) throws ConfigException {
    List<String> out = new ArrayList<>();
    for (Object o : list(path)) {
      if (o instanceof Map || o instanceof List || o == null) {
        throw wrongType(path, "a list of strings", o);
      }
      out.add(o.toString());
    }
    return out;
  }

  /** A mapping (empty when absent). */
  @SuppressWarnings("unchecked")
  public Map<String, Object> map(String path) throws ConfigException {
    Object v = get(path);
    if (v == null) {
      return Map.of();
    }
    if (!(v instanceof Map<?, ?>)) {
      throw wrongType(path, "a mapping", v);
    }
    return (Map<String, Object>) v;
  }

  /** A copy with the value at {@code path} set (intermediate maps and list slots created). */
  public FalcoConfig with(String path, Object value) throws ConfigException {
    Map<String, Object> copy = deepCopy(root);
    ConfigPath.set(copy, path, value);
    return new FalcoConfig(copy, origin);
  }

  /** A copy with {@code other}'s keys deep-merged over this one's (maps merge, the rest replaces). */
  public FalcoConfig mergedWith(FalcoConfig other) {
    Map<String, Object> copy = deepCopy(root);
    merge(copy, other.root);
    return new FalcoConfig(copy, origin + " + " + other.origin);
  }

  FalcoConfig withOrigin(String newOrigin) {
    return new FalcoConfig(root, newOrigin);
  }

  @SuppressWarnings("unchecked")
  private static void merge(Map<String, Object> into, Map<String, Object> from) {
    for (Map.Entry<String, Object> e : from.entrySet()) {
      Object existing = into.get(e.getKey());
      if (existing instanceof Map<?, ?> a && e.getValue() instanceof Map<?, ?> b) {
        Map<String, Object> merged = deepCopy((Map<String, Object>) a);
        merge(merged, (Map<String, Object>) b);
        into.put(e.getKey(), merged);
      } else {
        into.put(e.getKey(), deepCopyValue(e.getValue()));
      }
    }
  }

  private ConfigException wrongType(String path, String expected, Object value) {
    return new ConfigException("configuration key '" + path + "' must be " + expected + ", found "
        + describe(value) + " (in " + origin + ")");
  }

  private static String describe(Object value) {
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "'" + value + "'";
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      out.put(e.getKey(), deepCopyValue(e.getValue()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return deepCopy((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(deepCopyValue(o));
      }
      return out;
    }
    return v;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepFreeze(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      out.put(e.getKey(), freezeValue(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Object freezeValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return deepFreeze((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(freezeValue(o));
      }
      return Collections.unmodifiableList(out);
    }
    return v;
  }

  @Override
  public String toString() {
    return "FalcoConfig" + root;
  }
}
