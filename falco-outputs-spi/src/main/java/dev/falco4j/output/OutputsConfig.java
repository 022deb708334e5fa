package dev.falco4j.output;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The dispatch settings of falco.yaml, read from the top-level map:
 *
 * <pre>
 * outputs_queue:
 *   capacity: 10000          # per sink; Falco's 0 ("unbounded") means the default here: never unbounded
 *   submit_timeout_ms: 0     # Falco4J: longest the engine waits for room before dropping
 * output_timeout: 2000       # a delivery taking longer is reported as a blocked output
 * output_flood_guard:        # Falco4J, off by default
 *   enabled: false
 *   window_ms: 10000
 * output_providers: []       # Falco4J: provider classes chosen explicitly (they win over discovery)
 * </pre>
 *
 * @param settings the alert-shaping settings (json_output, ...)
 * @param queueCapacity per-sink queue capacity, at least 1
 * @param submitTimeout how long {@code submit} may wait for room in a full queue (zero: never)
 * @param outputTimeout a delivery slower than this counts and logs as a blocked output
 * @param floodGuardWindow the flood guard window, or null when the guard is off
 * @param providerClasses class names of explicitly chosen providers
 */
public record OutputsConfig(
    OutputSettings settings,
    int queueCapacity,
    Duration submitTimeout,
    Duration outputTimeout,
    Duration floodGuardWindow,
    List<String> providerClasses) {

  /** The queue capacity used when none (or Falco's "unbounded" 0) is configured. */
  public static final int DEFAULT_CAPACITY = 10_000;

  /** Validates. */
  public OutputsConfig {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(submitTimeout, "submitTimeout");
    Objects.requireNonNull(outputTimeout, "outputTimeout");
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queue capacity must be at least 1: " + queueCapacity);
    }
    providerClasses = List.copyOf(providerClasses);
  }

  /** Reads the settings from a falco.yaml document held as a plain map. */
  public static OutputsConfig fromConfig(Map<String, ?> root) {
    ConfigSection top = new ConfigSection("", root);
    ConfigSection queue = top.section("outputs_queue");
    long capacity = queue.integer("capacity", 0, 0, 100_000_000);
    ConfigSection guard = top.section("output_flood_guard");
    Duration window =
        guard.bool("enabled", false) ? guard.millis("window_ms", Duration.ofSeconds(10)) : null;
    if (window != null && window.isZero()) {
      throw new SinkConfigException(guard.keyPath("window_ms") + ": must be positive");
    }
    return new OutputsConfig(
        OutputSettings.fromConfig(root),
        capacity == 0 ? DEFAULT_CAPACITY : (int) capacity,
        queue.millis("submit_timeout_ms", Duration.ZERO),
        top.millis("output_timeout", Duration.ofMillis(2000)),
        window,
        top.stringList("output_providers"));
  }
}
