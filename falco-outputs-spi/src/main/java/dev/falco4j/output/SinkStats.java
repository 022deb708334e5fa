package dev.falco4j.output;

/**
 * Counters of one sink, a consistent-enough snapshot for metrics. After {@link
 * OutputDispatcher#close()} returns, {@code offered == delivered + failed + dropped} holds exactly.
 *
 * @param name the sink name
 * @param offered alerts handed to this sink (accepted into its queue or dropped at the door)
 * @param delivered alerts the sink's {@code deliver} took without error (a buffering sink may
 *     still fail at its next flush: that is logged and shown in {@code health}, not recounted)
 * @param failed alerts the sink threw on (after its own retries)
 * @param dropped alerts never tried: queue full, or still queued or in flight when close timed out
 * @param queued alerts waiting in the queue now
 * @param capacity the queue capacity
 * @param latencyTotalNanos sum of submit-to-done time of delivered and failed alerts
 * @param latencyMaxNanos largest submit-to-done time
 * @param blockedEpisodes times a single delivery took longer than {@code output_timeout}
 * @param health the sink's own health report
 */
public record SinkStats(
    String name,
    long offered,
    long delivered,
    long failed,
    long dropped,
    int queued,
    int capacity,
    long latencyTotalNanos,
    long latencyMaxNanos,
    long blockedEpisodes,
    SinkHealth health) {

  /** Mean submit-to-done latency in nanoseconds, 0 before the first alert. */
  public long latencyMeanNanos() {
    long done = delivered + failed;
    return done == 0 ? 0 : latencyTotalNanos / done;
  }
}
