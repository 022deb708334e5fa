package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapReadOptions;
import dev.falco4j.core.testing.SharedFiles;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The state after given events of the shared traces, as sysdig 0.29.3 shows it (values taken from
 * its output); regression checks that need no sysdig.
 */
class TraceReplayStateTest {

  /** Replays a trace and runs the check registered for an event number right after it. */
  private static void replay(String trace, Map<Long, Consumer<SystemState>> checks)
      throws IOException {
    EventTable table = EventTable.sysdig029();
    SystemState state = new SystemState();
    try (EventSource src = ScapFileSource.open(SharedFiles.resolve("traces/" + trace),
        ScapReadOptions.defaults(), table)) {
      new TraceSeeder().load(src.initialState(), state);
      EventView ev = new EventView(table);
      int seen = 0;
      while (src.next(ev) != EventSource.END) {
        state.apply(ev);
        Consumer<SystemState> check = checks.get(ev.number());
        if (check != null) {
          check.accept(state);
          seen++;
        }
      }
      assertThat(seen).isEqualTo(checks.size());
    }
  }

  @Test
  void filesOpenAndCloseWithLibsinspTiming() throws IOException {
    Map<Long, Consumer<SystemState>> checks = new HashMap<>();
    checks.put(141L, s -> {
      assertThat(s.currentFd().name()).isEqualTo("/etc/ld.so.cache");
      assertThat(s.currentFd().type()).isEqualTo(FdType.FILE);
      assertThat(s.currentThread().comm()).isEqualTo("cat");
      assertThat(s.currentThread().ptid()).isEqualTo(11310);
    });
    checks.put(147L, s -> {
      // close exit: the fd is still there for this event...
      assertThat(s.currentFd().name()).isEqualTo("/etc/ld.so.cache");
      assertThat(s.currentThread().fds().size()).isEqualTo(1);
    });
    // ...and gone at the next one
    checks.put(148L, s -> assertThat(s.currentThread().fds().size()).isZero());
    replay("cat_write.scap", checks);
  }

  @Test
  void socketsGetTheirTupleOnConnect() throws IOException {
    Map<Long, Consumer<SystemState>> checks = new HashMap<>();
    checks.put(185L, s -> {
      assertThat(s.currentFd().type()).isEqualTo(FdType.IPV4_SOCK);
      assertThat(s.currentFd().name()).isEmpty();
      assertThat(s.currentFd().isTupleKnown()).isFalse();
    });
    checks.put(187L, s -> {
      FdInfo fd = s.currentFd();
      assertThat(fd.name()).isEqualTo("127.0.0.1:47192->127.0.0.1:80");
      assertThat(fd.l4proto()).isEqualTo(FdInfo.L4_TCP);
      assertThat(fd.clientPort()).isEqualTo(47192);
      assertThat(fd.serverPort()).isEqualTo(80);
      assertThat(fd.isClientRole()).isTrue();
      assertThat(s.isLocalIpv4(fd.serverIp4())).isTrue();
    });
    replay("connect_localhost.scap", checks);
  }

  @Test
  void clonedThreadsShareTheProcess() throws IOException {
    Map<Long, Consumer<SystemState>> checks = new HashMap<>();
    checks.put(960L, s -> {
      // pipe: the event is about the second fd
      assertThat(s.currentFdNum()).isEqualTo(5);
      assertThat(s.currentFd().type()).isEqualTo(FdType.FIFO);
    });
    checks.put(1051L, s -> {
      ThreadInfo t = s.currentThread();
      assertThat(t.tid()).isEqualTo(17498);
      assertThat(t.pid()).isEqualTo(17497);
      assertThat(t.ptid()).isEqualTo(17497);
      assertThat(t.vtid()).isEqualTo(17498);
      assertThat(t.fds()).isSameAs(s.thread(17497).fds());
      assertThat(t.threadCount()).isEqualTo(2);
      assertThat(t.cgroup("blkio")).isEqualTo("/user.slice");
    });
    checks.put(1189L, s -> assertThat(s.currentFd().name())
        .isEqualTo("2600:1f18:262c:6542:9aa6:df7a:9a47:d29e:40251->2001:4860:4860::8888:53"));
    replay("curl_google.scap", checks);
  }
}
