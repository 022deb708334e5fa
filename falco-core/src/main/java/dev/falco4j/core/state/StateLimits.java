package dev.falco4j.core.state;

/**
 * Bounds that keep the state tracker's memory constant however long it runs: how many threads and
 * fds per process it holds, and when an inactive thread is forgotten. Defaults follow Falco's
 * (262144 threads, 30 minutes of inactivity, scanned every 20 minutes of event time).
 *
 * @param maxThreads most threads held; new ones beyond are counted as dropped
 * @param maxFdsPerProcess most fds held per process
 * @param threadTimeoutNanos a thread with no event for this long is removed by the scan
 * @param scanIntervalNanos event time between two inactivity scans
 * @param fdPoolSize how many released fd entries are kept for reuse
 */
public record StateLimits(
    int maxThreads,
    int maxFdsPerProcess,
    long threadTimeoutNanos,
    long scanIntervalNanos,
    int fdPoolSize) {

  /** Falco-like defaults. */
  public static final StateLimits DEFAULTS =
      new StateLimits(262_144, 65_536, 1_800_000_000_000L, 1_200_000_000_000L, 4096);

  /** Validates the bounds. */
  public StateLimits {
    if (maxThreads < 1 || maxFdsPerProcess < 1 || fdPoolSize < 0) {
      throw new IllegalArgumentException(
          "state limits must be positive: maxThreads=" + maxThreads
              + " maxFdsPerProcess=" + maxFdsPerProcess + " fdPoolSize=" + fdPoolSize);
    }
    if (threadTimeoutNanos <= 0 || scanIntervalNanos <= 0) {
      throw new IllegalArgumentException("thread timeout and scan interval must be positive");
    }
  }
}
