package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class TrackedEventTypesTest {

  @Test
  void stateChangingEventsAreTrackedAndPureIoIsNot() {
    BitSet tracked = SystemState.trackedEventTypes(EventTable.current());
    assertThat(tracked.get(EventType.OPENAT_2_X)).isTrue();
    assertThat(tracked.get(EventType.EXECVE_19_X)).isTrue();
    assertThat(tracked.get(EventType.CLONE3_X)).isTrue();
    assertThat(tracked.get(EventType.CLOSE_X)).isTrue();
    assertThat(tracked.get(EventType.CONNECT_X)).isTrue();
    assertThat(tracked.get(EventType.PROCEXIT_1_E)).isTrue();
    assertThat(tracked.get(EventType.READ_X)).isFalse();
    assertThat(tracked.get(EventType.MMAP_X)).isFalse();
  }
}
