package dev.falco4j.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Builds a {@link FalcoConfig} the way Falco does: the bundled defaults (a falco.yaml with Falco's
 * keys), then a configuration file whose keys replace them ({@code -c}), then {@code -o key=value}
 * overrides in order. {@code ${VAR}} in string values is replaced by the environment variable
 * ({@code $${} keeps a literal {@code ${}}), as Falco does.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ConfigLoader {
  /** Resource path of the bundled default configuration. */
  public static final String DEFAULTS_RESOURCE = "/dev/falco4j/core/config/falco.yaml";

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private final Map<String, String> environment;

  private ConfigLoader(Map<String, String> environment) {
    this.environment = Map.copyOf(environment);
  }

  /** A loader that expands variables from this process's environment. */
  public static ConfigLoader create() {
    return new ConfigLoader(System.getenv());
  }

  /** A loader that expands variables from {@code environment} (tests, embedding programs). */
  public static ConfigLoader withEnvironment(Map<String, String> environment) {
    return new ConfigLoader(environment);
  }

  /** The bundled default configuration. */
  public FalcoConfig defaults() throws ConfigException {
    try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new ConfigException("the bundled default configuration " + DEFAULTS_RESOURCE
            + " is missing from the class path");
      }
      return parse("<default falco.yaml>", new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new ConfigException("cannot read the bundled default configuration: " + e.getMessage(), e);
    }
  }

  /** Reads one configuration file (without defaults). */
  public FalcoConfig file(Path path) throws ConfigException {
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ConfigException(path + ": configuration file not found");
    } catch (IOException e) {
      throw new ConfigException(path + ": cannot read the configuration file: " + e.getMessage(), e);
    }
    return parse(path.toString(), text);
  }

  /** Parses configuration text; {@code name} is used in messages. */
  public FalcoConfig parse(String name, String text) throws ConfigException {
    Object tree;
    try {
      tree = text.isBlank() ? Map.of() : YAML.readValue(text, Object.class);
    } catch (JsonProcessingException e) {
      JsonLocation loc = e.getLocation();
      String where = loc == null ? name : name + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
      throw new ConfigException(where + ": invalid YAML: " + firstLine(e.getOriginalMessage()), e);
    }
    if (tree == null) {
      tree = Map.of();
    }
    if (!(tree instanceof Map<?, ?>)) {
      throw new ConfigException(name + ": a configuration file must be a YAML mapping of keys");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> root = (Map<String, Object>) expand((Map<String, Object>) tree);
    return new FalcoConfig(root, name);
  }

  /**
   * Defaults, then {@code file} (may be null: defaults only), then each {@code key=value}
   * override in order.
   */
  public FalcoConfig load(Path file, List<String> overrides) throws ConfigException {
    FalcoConfig config = defaults();
    if (file != null) {
      config = config.mergedWith(file(file)).withOrigin(file.toString());
    }
    for (String o : overrides) {
      config = override(config, o);
    }
    return config;
  }

  /**
   * Applies one {@code -o key=value}: the key is a dotted path (with {@code [N]} and {@code []}),
   * the value is read as YAML (so {@code -o rules='[{disable: {rule: "*"}}]'} sets a list) and
   * variables in it are expanded.
   */
  public FalcoConfig override(FalcoConfig config, String keyValue) throws ConfigException {
    Objects.requireNonNull(keyValue, "keyValue");
    int eq = keyValue.indexOf('=');
    if (eq <= 0) {
      throw new ConfigException("invalid option '" + keyValue + "': expected key=value, e.g. "
          + "-o json_output=true");
    }
    String key = keyValue.substring(0, eq).strip();
    String raw = keyValue.substring(eq + 1);
    Object value;
    if (raw.isBlank()) {
      value = "";
    } else {
      try {
        value = YAML.readValue(raw, Object.class);
      } catch (JsonProcessingException e) {
        value = raw; // not YAML: take the text as it is
      }
      if (value == null) {
        value = raw.strip().equals("null") || raw.strip().equals("~") ? null : raw;
      }
    }
    value = expandValue(value);
    return config.with(key, value);
  }

  private Object expand(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : map.entrySet()) {
      out.put(e.getKey(), expandValue(e.getValue()));
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private Object expandValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return expand((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      for (Object o : l) {
        out.add(expandValue(o));
      }
      return out;
    }
    if (v instanceof String s && s.contains("${")) {
      return expandVariables(s);
    }
    return v;
  }

  /** Replaces {@code ${NAME}} with the variable's value (empty when unset); {@code $${} escapes. */
  String expandVariables(String s) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < s.length()) {
      if (s.startsWith("$${", i)) {
        out.append("${");
        i += 3;
      } else if (s.startsWith("${", i)) {
        int close = s.indexOf('}', i + 2);
        if (close < 0) {
          out.append(s, i, s.length());
          break;
        }
        String var = s.substring(i + 2, close);
        out.append(environment.getOrDefault(var, ""));
        i = close + 1;
      } else {
        out.append(s.charAt(i++));
      }
    }
    return out.toString();
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "syntax error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
