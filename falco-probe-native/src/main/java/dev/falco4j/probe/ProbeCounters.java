package dev.falco4j.probe;

/**
 * Kernel-side counters of the probe, per CPU (index = CPU number).
 *
 * @param events events written to the CPU's ring buffer
 * @param ringFullDrops events lost because the ring buffer was full (user space too slow)
 * @param tooLargeDrops events lost because they outgrew the largest event size
 */
public record ProbeCounters(long[] events, long[] ringFullDrops, long[] tooLargeDrops) {

  /** Copies the arrays. */
  public ProbeCounters {
    events = events.clone();
    ringFullDrops = ringFullDrops.clone();
    tooLargeDrops = tooLargeDrops.clone();
  }

  /** Number of CPUs. */
  public int cpus() {
    return events.length;
  }

  /** Events written, all CPUs. */
  public long totalEvents() {
    return sum(events);
  }

  /** Events lost, all CPUs and reasons. */
  public long totalDrops() {
    return sum(ringFullDrops) + sum(tooLargeDrops);
  }

  @Override
  public long[] events() {
    return events.clone();
  }

  @Override
  public long[] ringFullDrops() {
    return ringFullDrops.clone();
  }

  @Override
  public long[] tooLargeDrops() {
    return tooLargeDrops.clone();
  }

  private static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }
}
