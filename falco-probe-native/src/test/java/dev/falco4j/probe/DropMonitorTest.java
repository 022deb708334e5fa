package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DropMonitorTest {

  private static final long SECOND = 1_000_000_000L;

  private static ProbeCounters counters(long events0, long drops0, long events1, long drops1) {
    return new ProbeCounters(new long[] {events0, events1}, new long[] {drops0, drops1}, new long[] {0, 0});
  }

  @Test
  void reportsAnIntervalAboveTheThresholdWithPerCpuDrops() {
    DropMonitor m = new DropMonitor(0.1, 1, 1);
    assertThat(m.sample(counters(100, 0, 100, 0), 0)).isNull(); // first sample only primes
    DropReport r = m.sample(counters(150, 0, 150, 100), SECOND);
    assertThat(r).isNotNull();
    assertThat(r.events()).isEqualTo(100);
    assertThat(r.drops()).isEqualTo(100);
    assertThat(r.ratio()).isEqualTo(0.5);
    assertThat(r.intervalNanos()).isEqualTo(SECOND);
    assertThat(r.dropsPerCpu()).containsExactly(0, 100);
    assertThat(r.describe()).isEqualTo("syscall event drop: 100 of 200 events lost (50.0%) in the last 1.0 s");
  }

  @Test
  void staysQuietBelowTheThreshold() {
    DropMonitor m = new DropMonitor(0.1, 1, 1);
    m.sample(counters(0, 0, 0, 0), 0);
    assertThat(m.sample(counters(1000, 50, 1000, 0), SECOND)).isNull(); // 50 / 2050
  }

  @Test
  void rateLimitsReports() {
    DropMonitor m = new DropMonitor(0.1, 1.0 / 30, 1);
    m.sample(counters(0, 0, 0, 0), 0);
    assertThat(m.sample(counters(10, 10, 0, 0), SECOND)).isNotNull();
    assertThat(m.sample(counters(20, 20, 0, 0), 2 * SECOND)).isNull(); // bucket empty
    assertThat(m.sample(counters(30, 30, 0, 0), 33 * SECOND)).isNotNull(); // refilled after 30 s
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new DropMonitor(1.5, 1, 1)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> new DropMonitor(0.1, 0, 1)).hasMessageContaining("ratePerSecond");
  }
}
