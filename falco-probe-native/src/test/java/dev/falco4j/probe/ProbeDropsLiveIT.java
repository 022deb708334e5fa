package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.testing.Prerequisites;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A ring too small for a burst: the probe counts what it could not write, per CPU, and the source
 * reports the total as dropped; what did arrive is intact.
 */
@Tag("live")
class ProbeDropsLiveIT {

  @Test
  void fullRingBuffersAreCountedAsDrops() throws Exception {
    Prerequisites.requireRoot();
    ProbeSupport.Status status = ProbeSupport.check();
    Prerequisites.require(status.supported(), "live capture: " + status.reason());
    LiveOptions tiny =
        LiveOptions.defaults().withRingBytesPerCpu(4096).withEventTypes(EventType.OPENAT_2_X, EventType.CLOSE_X);
    try (LiveEventSource source = LiveEventSource.open(tiny)) {
      // Nobody reads while the burst runs: 4 KiB hold a few dozen events.
      Process burst = new ProcessBuilder("/bin/sh", "-c",
          "i=0; while [ $i -lt 300 ]; do : < /dev/null; i=$((i+1)); done").start();
      assertThat(burst.waitFor()).isZero();

      ProbeCounters counters = source.counters();
      assertThat(counters.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
      assertThat(counters.totalDrops()).isPositive();
      assertThat(counters.totalEvents()).isPositive();
      long delivered = 0;
      EventView ev = new EventView();
      // Other processes keep opening files: read for a bounded time, not until the rings are quiet.
      long end = System.nanoTime() + 1_000_000_000L;
      while (System.nanoTime() < end) {
        if (source.next(ev) == EventSource.EVENT) {
          assertThat(ev.type()).isIn(EventType.OPENAT_2_X, EventType.CLOSE_X);
          delivered++;
        }
      }
      assertThat(delivered).isPositive();
      assertThat(source.stats().dropped()).isGreaterThanOrEqualTo(counters.totalDrops());
      assertThat(source.stats().skippedMalformed()).isZero();
    }
  }
}
