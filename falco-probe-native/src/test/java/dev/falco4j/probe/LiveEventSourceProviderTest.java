package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.spi.EventSourceProvider;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class LiveEventSourceProviderTest {

  @Test
  void registeredUnderTheNameLive() {
    boolean found = false;
    for (EventSourceProvider p : ServiceLoader.load(EventSourceProvider.class)) {
      if (p.name().equals("live")) {
        found = true;
        assertThat(p.accepts("live")).isTrue();
        assertThat(p.accepts("trace.scap")).isFalse();
        assertThat(p.apiVersion()).isEqualTo(EventSourceProvider.API_VERSION);
      }
    }
    assertThat(found).isTrue();
  }

  @Test
  void optionsAreParsed() {
    LiveOptions o = LiveEventSourceProvider.parse(Map.of(
        "ring_bytes_per_cpu", "1048576", "batch_bytes", "262144", "poll_timeout_ms", "5",
        "exclude_own_process", "false", "event_types", "293, 307", "all_syscalls", "true"));
    assertThat(o.ringBytesPerCpu()).isEqualTo(1 << 20);
    assertThat(o.batchBytes()).isEqualTo(256 * 1024);
    assertThat(o.pollTimeoutMillis()).isEqualTo(5);
    assertThat(o.excludeOwnProcess()).isFalse();
    assertThat(o.eventTypes()).containsExactly(EventType.EXECVE_19_X, EventType.OPENAT_2_X);
    assertThat(o.allSyscalls()).isTrue();
    assertThat(LiveOptions.defaults().allSyscalls()).isFalse();
  }

  @Test
  void badOptionsNameTheOption() {
    assertThatThrownBy(() -> LiveEventSourceProvider.parse(Map.of("ring", "1")))
        .hasMessageContaining("unknown live option ring");
    assertThatThrownBy(() -> LiveEventSourceProvider.parse(Map.of("batch_bytes", "lots")))
        .hasMessageContaining("batch_bytes is not a number: lots");
    assertThatThrownBy(() -> LiveEventSourceProvider.parse(Map.of("exclude_own_process", "yes")))
        .hasMessageContaining("exclude_own_process must be true or false");
    assertThatThrownBy(() -> LiveEventSourceProvider.parse(Map.of("all_syscalls", "1")))
        .hasMessageContaining("all_syscalls must be true or false: 1");
    assertThatThrownBy(() -> LiveEventSourceProvider.parse(Map.of("batch_bytes", "1024")))
        .hasMessageContaining("batchBytes must be at least");
  }

  @Test
  void defaultsSelectEveryDedicatedEventAndCopyArrays() {
    LiveOptions d = LiveOptions.defaults();
    assertThat(d.eventTypes()).containsExactly(ProbeEventTypes.dedicated());
    assertThat(d.excludeOwnProcess()).isTrue();
    int[] types = {EventType.CLOSE_X};
    LiveOptions o = d.withEventTypes(types);
    types[0] = 0;
    assertThat(o.eventTypes()).containsExactly(EventType.CLOSE_X);
    assertThatThrownBy(() -> d.withRingBytesPerCpu(100)).hasMessageContaining("ringBytesPerCpu");
    assertThatThrownBy(() -> d.withPollTimeoutMillis(-1)).hasMessageContaining("pollTimeoutMillis");
  }
}
