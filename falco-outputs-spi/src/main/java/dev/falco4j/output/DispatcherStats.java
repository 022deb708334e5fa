package dev.falco4j.output;

import java.util.List;

/**
 * Counters of the dispatcher and of each of its sinks.
 *
 * @param submitted calls to {@link OutputDispatcher#submit(Alert)}
 * @param folded alerts the flood guard absorbed into a later summary alert
 * @param summaries summary alerts the flood guard emitted (each offered to every sink)
 * @param sinks per-sink counters, in configuration order
 */
public record DispatcherStats(long submitted, long folded, long summaries, List<SinkStats> sinks) {

  /** Copies the list. */
  public DispatcherStats {
    sinks = List.copyOf(sinks);
  }

  /** The counters of the sink with this name, or null. */
  public SinkStats sink(String name) {
    for (SinkStats s : sinks) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }
}
