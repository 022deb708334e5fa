package dev.falco4j.probe;

/**
 * An interval in which the probe lost more events than allowed (see {@link DropMonitor}).
 *
 * @param events events delivered in the interval
 * @param drops events lost in the interval
 * @param ratio drops / (events + drops)
 * @param intervalNanos length of the interval
 * @param dropsPerCpu drops in the interval by CPU
 */
public record DropReport(long events, long drops, double ratio, long intervalNanos, long[] dropsPerCpu) {

  /** Copies the array. */
  public DropReport {
    dropsPerCpu = dropsPerCpu.clone();
  }

  @Override
  public long[] dropsPerCpu() {
    return dropsPerCpu.clone();
  }

  /** One line for a log or an alert output, like Falco's "Falco internal: syscall event drop". */
  public String describe() {
    return String.format(
        java.util.Locale.ROOT,
        "syscall event drop: %d of %d events lost (%.1f%%) in the last %.1f s",
        drops, events + drops, ratio * 100, intervalNanos / 1e9);
  }
}
