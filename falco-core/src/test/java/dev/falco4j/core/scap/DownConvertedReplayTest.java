package dev.falco4j.core.scap;

import static dev.falco4j.core.event.EventBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import dev.falco4j.core.state.FdInfo;
import dev.falco4j.core.state.FdTable;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The down-converted events mean the same to Falco4J's state tracker: today's exit-only events
 * applied directly, and the same events written for sysdig 0.29.3 (enter events added, dup2 as
 * dup, pipe2 as pipe, prctl as a generic syscall) and read back, leave the same fd table.
 */
class DownConvertedReplayTest {

  private static final long TID = 100;
  private static final long TS = 1_700_000_000_000_000_000L;

  @TempDir Path dir;

  @Test
  void theStateEndsTheSame() throws Exception {
    List<byte[]> events = List.of(
        // socket() = 3, connect(3) to 127.0.0.1:80
        v2(EventType.SOCKET_X, TS, TID, false, i64(3), u32(2), u32(1), u32(0), u32(0)),
        v2(EventType.CONNECT_X, TS + 1, TID, false, i64(0), concat(u8(2), ip(), u16(40000),
            ip(), u16(80)), i64(3), concat(u8(2), ip(), u16(80))),
        // dup2(3, 0) = 0: the reverse-shell pattern
        v2(EventType.DUP2_X, TS + 2, TID, false, i64(0), i64(3), i64(0)),
        v2(EventType.CLOSE_X, TS + 3, TID, false, i64(0), i64(3)),
        // openat("/etc/passwd") = 4, dup(4) = 7, fcntl(4, F_DUPFD) = 8
        v2(EventType.OPENAT_2_X, TS + 4, TID, false, i64(4), i64(-100), cstr("/etc/passwd"),
            u32(1), u32(0), u32(0xFE00), i64(1234)),
        v2(EventType.DUP_1_X, TS + 5, TID, false, i64(7), i64(4)),
        v2(EventType.FCNTL_X, TS + 6, TID, false, i64(8), i64(4), u8(1), i64(0)),
        // pipe2() = [5, 6]
        v2(EventType.PIPE2_X, TS + 7, TID, false, i64(0), i64(5), i64(6), i64(999), u32(0)),
        v2(EventType.PRCTL_X, TS + 8, TID, false, i64(0), u32(15), cstr("worker"), i64(0)));

    SystemState direct = seeded();
    EventView v = new EventView();
    for (byte[] e : events) {
      v.reset(le(e), 0, 0, 0, 1);
      assertThat(v.checkLayout(e.length)).isZero();
      direct.apply(v);
    }

    Path f = dir.resolve("down.scap");
    try (ScapWriter w = ScapWriter.create(f, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(initial());
      for (byte[] e : events) {
        v.reset(le(e), 0, 0, 0, 1);
        v.checkLayout(e.length);
        w.writeEvent(v);
      }
      assertThat(w.downConversion().enterEventsAdded()).isEqualTo(9);
    }
    SystemState replayed = new SystemState();
    int read = 0;
    try (ScapFileSource src = ScapFileSource.open(f)) {
      new TraceSeeder().load(src.initialState(), replayed);
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          replayed.apply(v);
          read++;
        }
      }
    }
    assertThat(read).isEqualTo(events.size() + 9);
    TreeMap<Long, String> expected = fds(direct);
    assertThat(expected).containsKeys(0L, 4L, 5L, 6L, 7L, 8L).doesNotContainKey(3L);
    assertThat(expected.get(0L)).startsWith("4 127.0.0.1:40000->127.0.0.1:80");
    assertThat(fds(replayed)).isEqualTo(expected);
  }

  private static byte[] ip() {
    return new byte[] {127, 0, 0, 1};
  }

  private static InitialState initial() {
    ThreadSnapshot sh = new ThreadSnapshot(TID, TID, 1, TID, TID, "sh", "sh", "/bin/sh",
        new byte[0], "/", 1024, 0, 0, 0, 0, 0, 0, 0, 0, new byte[0], TID, TID, new byte[0], "/", 0,
        0, -1, false, 0, 0, 0, false, 0, 0, 0, false, false, TID, 9);
    return new InitialState(null, List.of(sh), List.of(), List.of(), List.of(), List.of());
  }

  private static SystemState seeded() {
    SystemState s = new SystemState();
    new TraceSeeder().load(initial(), s);
    return s;
  }

  /** fd -> "typechar name" of the thread's table. */
  private static TreeMap<Long, String> fds(SystemState s) {
    TreeMap<Long, String> out = new TreeMap<>();
    FdTable t = s.thread(TID).fds();
    List<FdInfo> all = new ArrayList<>();
    for (int slot = 0; slot < t.slotCount(); slot++) {
      if (t.at(slot) != null) {
        all.add(t.at(slot));
      }
    }
    for (FdInfo f : all) {
      out.put(f.fd(), f.type().typeChar() + " " + f.name());
    }
    return out;
  }
}
