package dev.falco4j.probe;

/**
 * Decides when dropped events deserve an action, the way Falco's {@code syscall_event_drops} does:
 * sample the probe counters about once a second; when the share of events lost since the previous
 * sample exceeds {@code threshold}, a {@link DropReport} is returned, at most {@code ratePerSecond}
 * on average with bursts of {@code maxBurst} (a token bucket). What to do with a report (log it, raise
 * an alert, stop) is the caller's choice. Not thread-safe.
 */
public final class DropMonitor {

  private final double threshold;
  private final double ratePerSecond;
  private final double maxBurst;

  private long lastEvents;
  private long lastDrops;
  private long[] lastDropsPerCpu = new long[0];
  private long lastNanos;
  private boolean primed;
  private double tokens;
  private long tokensNanos;

  /**
   * @param threshold share of lost events (0..1) above which an interval is reported; Falco's default
   *     is 0.1
   * @param ratePerSecond average reports per second allowed (Falco's default 0.03333: one every 30 s)
   * @param maxBurst reports allowed at once (Falco's default 1)
   */
  public DropMonitor(double threshold, double ratePerSecond, int maxBurst) {
    if (threshold < 0 || threshold > 1) {
      throw new IllegalArgumentException("threshold must be within 0..1: " + threshold);
    }
    if (ratePerSecond <= 0 || maxBurst < 1) {
      throw new IllegalArgumentException("ratePerSecond must be > 0 and maxBurst >= 1");
    }
    this.threshold = threshold;
    this.ratePerSecond = ratePerSecond;
    this.maxBurst = maxBurst;
    this.tokens = maxBurst;
  }

  /** Falco's defaults: threshold 0.1, one report per 30 s, burst 1. */
  public static DropMonitor withFalcoDefaults() {
    return new DropMonitor(0.1, 1.0 / 30, 1);
  }

  /**
   * Takes a sample.
   *
   * @param counters the probe counters now ({@link LiveEventSource#counters()})
   * @param nowNanos a monotonic time ({@link System#nanoTime()})
   * @return a report when this interval lost more than the threshold and the rate limit allows one,
   *     otherwise null
   */
  public DropReport sample(ProbeCounters counters, long nowNanos) {
    long events = counters.totalEvents();
    long drops = counters.totalDrops();
    long[] perCpu = counters.ringFullDrops();
    long[] large = counters.tooLargeDrops();
    for (int i = 0; i < perCpu.length; i++) {
      perCpu[i] += large[i];
    }
    if (!primed) {
      remember(events, drops, perCpu, nowNanos);
      tokensNanos = nowNanos;
      primed = true;
      return null;
    }
    long dEvents = events - lastEvents;
    long dDrops = drops - lastDrops;
    long[] dPerCpu = new long[perCpu.length];
    for (int i = 0; i < perCpu.length; i++) {
      dPerCpu[i] = perCpu[i] - (i < lastDropsPerCpu.length ? lastDropsPerCpu[i] : 0);
    }
    long interval = nowNanos - lastNanos;
    remember(events, drops, perCpu, nowNanos);
    refill(nowNanos);
    // Drops are events the probe saw but could not write: they count in the total offered.
    double ratio = dDrops == 0 ? 0 : (double) dDrops / (dEvents + dDrops);
    if (dDrops == 0 || ratio <= threshold || tokens < 1) {
      return null;
    }
    tokens -= 1;
    return new DropReport(dEvents, dDrops, ratio, interval, dPerCpu);
  }

  private void remember(long events, long drops, long[] perCpu, long nowNanos) {
    lastEvents = events;
    lastDrops = drops;
    lastDropsPerCpu = perCpu;
    lastNanos = nowNanos;
  }

  private void refill(long nowNanos) {
    tokens = Math.min(maxBurst, tokens + (nowNanos - tokensNanos) / 1e9 * ratePerSecond);
    tokensNanos = nowNanos;
  }
}
