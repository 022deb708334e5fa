package dev.falco4j.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dotted configuration paths as Falco's {@code -o} takes them: {@code a.b.c}, list elements by
 * index {@code rules_files[1]}, and {@code []} to append to a list ({@code rules_files[]=x}).
 */
final class ConfigPath {
  static final int NO_INDEX = Integer.MIN_VALUE;
  static final int APPEND = -1;

  /** One step: a key, then optionally an index into the list found under it. */
  record Step(String key, int index) {}

  private ConfigPath() {}

  /** Splits {@code a.b[2].c} into steps ({@code a}, {@code b}, {@code [2]}, {@code c}). */
  static List<Step> parse(String path) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = path.length();
    StringBuilder key = new StringBuilder();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        if (key.length() > 0) {
          steps.add(new Step(key.toString(), NO_INDEX));
          key.setLength(0);
        }
        i++;
      } else if (c == '[') {
        if (key.length() > 0) {
          steps.add(new Step(key.toString(), NO_INDEX));
          key.setLength(0);
        }
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw new IllegalArgumentException("missing ']' in '" + path + "'");
        }
        String idx = path.substring(i + 1, close).strip();
        int index;
        if (idx.isEmpty()) {
          index = APPEND;
        } else {
          try {
            index = Integer.parseInt(idx);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("list index '" + idx + "' in '" + path
                + "' is not a number", e);
          }
          if (index < 0) {
            throw new IllegalArgumentException("negative list index in '" + path + "'");
          }
        }
        steps.add(new Step(null, index));
        i = close + 1;
      } else {
        key.append(c);
        i++;
      }
    }
    if (key.length() > 0) {
      steps.add(new Step(key.toString(), NO_INDEX));
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("empty configuration key");
    }
    return steps;
  }

  /** Sets {@code value} at {@code path} inside the mutable tree {@code root}. */
  @SuppressWarnings("unchecked")
  static void set(Map<String, Object> root, String path, Object value) throws ConfigException {
    List<Step> steps;
    try {
      steps = parse(path);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("invalid configuration key '" + path + "': " + e.getMessage());
    }
    if (steps.get(0).key() == null) {
      throw new ConfigException("invalid configuration key '" + path + "': it must start with a name");
    }
    Object container = root;
    for (int s = 0; s < steps.size(); s++) {
      Step step = steps.get(s);
      boolean last = s == steps.size() - 1;
      Object next = last ? value : (steps.get(s + 1).key() == null ? new ArrayList<>() : new LinkedHashMap<>());
      if (step.key() != null) {
        if (!(container instanceof Map)) {
          throw new ConfigException("invalid configuration key '" + path + "': '" + step.key()
              + "' is under a value that is not a mapping");
        }
        Map<String, Object> map = (Map<String, Object>) container;
        Object existing = map.get(step.key());
        if (last || existing == null || !compatible(existing, next)) {
          map.put(step.key(), next);
          container = next;
        } else {
          container = existing;
        }
      } else {
        if (!(container instanceof List)) {
          throw new ConfigException("invalid configuration key '" + path + "': an index is used on"
              + " a value that is not a list");
        }
        List<Object> list = (List<Object>) container;
        if (step.index() == APPEND) {
          list.add(next);
          container = next;
        } else {
          while (list.size() <= step.index()) {
            list.add(null);
          }
          Object existing = list.get(step.index());
          if (last || existing == null || !compatible(existing, next)) {
            list.set(step.index(), next);
            container = next;
          } else {
            container = existing;
          }
        }
      }
    }
  }

  private static boolean compatible(Object existing, Object wanted) {
    return (existing instanceof Map && wanted instanceof Map)
        || (existing instanceof List && wanted instanceof List);
  }
}
