package dev.falco4j.probe;

import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceProvider;
import java.io.IOException;
import java.util.Map;

/**
 * Registers the live probe as event source {@code live}. Options (all optional): {@code
 * ring_bytes_per_cpu}, {@code batch_bytes}, {@code poll_timeout_ms}, {@code exclude_own_process}
 * (true/false), {@code event_types} (comma-separated event type ids), {@code all_syscalls} (true/false:
 * every syscall, like Falco's {@code -A}).
 */
public final class LiveEventSourceProvider implements EventSourceProvider {

  /** For {@link java.util.ServiceLoader}. */
  public LiveEventSourceProvider() {}

  @Override
  public String name() {
    return "live";
  }

  @Override
  public boolean accepts(String location) {
    return "live".equals(location);
  }

  @Override
  public EventSource open(String location, Map<String, String> options) throws IOException {
    LiveOptions o = parse(options);
    try {
      return LiveEventSource.open(o);
    } catch (ProbeException e) {
      String log = e.nativeLog().isEmpty() ? "" : "\n" + e.nativeLog();
      throw new IOException(e.getMessage() + log, e);
    }
  }

  static LiveOptions parse(Map<String, String> options) {
    LiveOptions o = LiveOptions.defaults();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String v = e.getValue().trim();
      switch (e.getKey()) {
        case "ring_bytes_per_cpu":
          o = o.withRingBytesPerCpu(intOption(e.getKey(), v));
          break;
        case "batch_bytes":
          o = o.withBatchBytes(intOption(e.getKey(), v));
          break;
        case "poll_timeout_ms":
          o = o.withPollTimeoutMillis(intOption(e.getKey(), v));
          break;
        case "exclude_own_process":
          o = o.withExcludeOwnProcess(booleanOption(e.getKey(), v));
          break;
        case "all_syscalls":
          o = o.withAllSyscalls(booleanOption(e.getKey(), v));
          break;
        case "event_types":
          String[] parts = v.isEmpty() ? new String[0] : v.split(",");
          int[] types = new int[parts.length];
          for (int i = 0; i < parts.length; i++) {
            types[i] = intOption(e.getKey(), parts[i].trim());
          }
          o = o.withEventTypes(types);
          break;
        default:
          throw new IllegalArgumentException("unknown live option " + e.getKey());
      }
    }
    return o;
  }

  private static boolean booleanOption(String name, String value) {
    if (!value.equals("true") && !value.equals("false")) {
      throw new IllegalArgumentException("live option " + name + " must be true or false: " + value);
    }
    return Boolean.parseBoolean(value);
  }

  private static int intOption(String name, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("live option " + name + " is not a number: " + value, e);
    }
  }
}
