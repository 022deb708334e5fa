package dev.falco4j.output;

import dev.falco4j.output.spi.OutputSinkProvider;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sink providers available to this program, found the way SLF4J finds its providers:
 *
 * <ul>
 *   <li>every {@link OutputSinkProvider} registered in {@code META-INF/services} on the class path
 *       is instantiated once;
 *   <li>a provider that cannot be loaded, or that targets another major SPI version, is logged and
 *       skipped: one broken plugin jar does not take outputs down;
 *   <li>two discovered providers with the same name are an error naming both classes;
 *   <li>providers chosen explicitly by class name ({@code output_providers} in falco.yaml) win over
 *       discovered ones of the same name, and fail loudly when they cannot be loaded.
 * </ul>
 *
 * Then {@link #createEnabled(Map)} creates a sink for each {@code <name>_output} section of
 * falco.yaml with {@code enabled: true}. Immutable after creation.
 */
public final class SinkCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(SinkCatalog.class);
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");

  private final Map<String, OutputSinkProvider> providers;

  private SinkCatalog(Map<String, OutputSinkProvider> providers) {
    this.providers = Collections.unmodifiableMap(providers);
  }

  /** Discovers the providers visible to {@code loader}. */
  public static SinkCatalog discover(ClassLoader loader) {
    return discover(loader, List.of());
  }

  /**
   * Discovers the providers visible to {@code loader}, then applies the explicitly chosen provider
   * classes (loaded through the same loader).
   *
   * @throws SinkConfigException for duplicate names or an explicit class that cannot be used
   */
  public static SinkCatalog discover(ClassLoader loader, List<String> explicitProviderClasses) {
    Map<String, OutputSinkProvider> explicit = new LinkedHashMap<>();
    for (String className : explicitProviderClasses) {
      OutputSinkProvider p = instantiate(loader, className);
      OutputSinkProvider previous = explicit.put(checkedName(p), p);
      if (previous != null) {
        throw duplicate(p.name(), previous, p);
      }
    }
    Map<String, OutputSinkProvider> found = new LinkedHashMap<>();
    Iterator<OutputSinkProvider> it = ServiceLoader.load(OutputSinkProvider.class, loader).iterator();
    while (true) {
      OutputSinkProvider p;
      try {
        if (!it.hasNext()) {
          break;
        }
        p = it.next();
      } catch (ServiceConfigurationError | LinkageError e) {
        LOG.warn("skipping an output sink provider that cannot be loaded: {}", describe(e));
        continue;
      }
      String name;
      try {
        name = checkedName(p);
      } catch (RuntimeException | LinkageError e) {
        LOG.warn("skipping output sink provider {}: {}", p.getClass().getName(), describe(e));
        continue;
      }
      if (explicit.containsKey(name)) {
        if (explicit.get(name).getClass() != p.getClass()) {
          LOG.info(
              "output sink '{}': using {} (output_providers) instead of discovered {}",
              name, explicit.get(name).getClass().getName(), p.getClass().getName());
        }
        continue;
      }
      OutputSinkProvider previous = found.get(name);
      if (previous != null) {
        if (previous.getClass() == p.getClass()) {
          continue; // the same jar twice on the class path: one provider, not a conflict
        }
        throw duplicate(name, previous, p);
      }
      found.put(name, p);
    }
    Map<String, OutputSinkProvider> all = new LinkedHashMap<>(found);
    all.putAll(explicit);
    return new SinkCatalog(all);
  }

  /** A catalog of exactly these providers (embedding, tests); names must be unique. */
  public static SinkCatalog of(List<? extends OutputSinkProvider> list) {
    Map<String, OutputSinkProvider> map = new LinkedHashMap<>();
    for (OutputSinkProvider p : list) {
      OutputSinkProvider previous = map.put(checkedName(p), p);
      if (previous != null) {
        throw duplicate(p.name(), previous, p);
      }
    }
    return new SinkCatalog(map);
  }

  private static OutputSinkProvider instantiate(ClassLoader loader, String className) {
    try {
      Class<?> c = Class.forName(className.trim(), true, loader);
      if (!OutputSinkProvider.class.isAssignableFrom(c)) {
        throw new SinkConfigException(
            "output_providers: " + className + " does not implement "
                + OutputSinkProvider.class.getName());
      }
      return (OutputSinkProvider) c.getConstructor().newInstance();
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new SinkConfigException(
          "output_providers: cannot instantiate " + className + ": " + describe(e), e);
    }
  }

  private static String checkedName(OutputSinkProvider p) {
    String name = p.name();
    if (name == null || !NAME.matcher(name).matches()) {
      throw new SinkConfigException(
          p.getClass().getName() + " has an invalid sink name '" + name
              + "' (lower case letters, digits, '_')");
    }
    String version = p.apiVersion();
    String major = OutputSinkProvider.API_VERSION.substring(0, OutputSinkProvider.API_VERSION.indexOf('.'));
    if (version == null || !(version.equals(major) || version.startsWith(major + "."))) {
      throw new SinkConfigException(
          p.getClass().getName() + " targets output SPI version " + version + ", this Falco4J"
              + " implements " + OutputSinkProvider.API_VERSION);
    }
    return name;
  }

  private static SinkConfigException duplicate(
      String name, OutputSinkProvider a, OutputSinkProvider b) {
    return new SinkConfigException(
        "two output sink providers are named '" + name + "': " + a.getClass().getName() + " and "
            + b.getClass().getName() + "; remove one from the class path or choose one with"
            + " output_providers");
  }

  private static String describe(Throwable e) {
    String s = e.getMessage() == null ? e.toString() : e.getMessage();
    return e.getCause() == null ? s : s + " (" + e.getCause() + ")";
  }

  /** The provider names, in discovery order. */
  public List<String> names() {
    return List.copyOf(providers.keySet());
  }

  /**
   * The provider of that name.
   *
   * @throws SinkConfigException when there is none, listing the known names
   */
  public OutputSinkProvider provider(String name) {
    OutputSinkProvider p = providers.get(name);
    if (p == null) {
      throw new SinkConfigException(
          "no output sink named '" + name + "'; available: " + String.join(", ", names()));
    }
    return p;
  }

  /** Creates the named sink from its section and the global settings. */
  public OutputSink create(String name, Map<String, ?> section, OutputSettings settings) {
    OutputSinkProvider p = provider(name);
    SinkConfig config = SinkConfig.of(name, section, settings);
    OutputSink sink;
    try {
      sink = p.create(config);
    } catch (SinkConfigException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new SinkConfigException(
          SinkConfig.sectionKey(name) + ": " + p.getClass().getName() + " failed: " + e, e);
    }
    if (sink == null) {
      throw new SinkConfigException(p.getClass().getName() + ".create returned null");
    }
    return sink;
  }

  /**
   * Creates a sink for every {@code <name>_output} section of the falco.yaml document with {@code
   * enabled: true}, in document order. An enabled section without a provider is an error naming
   * the available sinks.
   */
  public List<OutputSink> createEnabled(Map<String, ?> root) {
    ConfigSection top = new ConfigSection("", root);
    OutputSettings settings = OutputSettings.fromConfig(root);
    List<OutputSink> sinks = new ArrayList<>();
    for (Map.Entry<String, ?> e : top.values().entrySet()) {
      String key = e.getKey();
      if (!key.endsWith("_output") || !(e.getValue() instanceof Map)) {
        continue;
      }
      ConfigSection section = top.section(key);
      if (!section.bool("enabled", false)) {
        continue;
      }
      String name = key.substring(0, key.length() - "_output".length());
      if (!providers.containsKey(name)) {
        throw new SinkConfigException(
            key + ".enabled is true, but no output sink named '" + name + "' is installed;"
                + " available: " + String.join(", ", names()));
      }
      sinks.add(create(name, section.values(), settings));
    }
    return sinks;
  }
}
