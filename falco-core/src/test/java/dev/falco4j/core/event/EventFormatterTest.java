package dev.falco4j.core.event;

import static dev.falco4j.core.event.EventBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventFormatterTest {

  private final EventView view = new EventView();
  private final EventFormatter fmt = new EventFormatter(Map.of(1000, "alice"), Map.of(), 80);

  private String args(byte[] ev) {
    view.reset(le(ev), 0);
    assertThat(view.checkLayout(ev.length)).isZero();
    StringBuilder sb = new StringBuilder();
    fmt.appendArgs(view, sb);
    return sb.toString();
  }

  private String value(int type, int index, byte[]... params) {
    byte[] ev = v2(type, 1, 1, false, params);
    view.reset(le(ev), 0);
    assertThat(view.checkLayout(ev.length)).isZero();
    StringBuilder sb = new StringBuilder();
    fmt.appendValue(view, index, sb);
    return sb.toString();
  }

  private static byte[][] params(EventInfo e, int index, byte[] value) {
    byte[][] p = new byte[e.paramCount()][];
    for (int i = 0; i < p.length; i++) {
      p[i] = new byte[0];
    }
    p[index] = value;
    return p;
  }

  @Test
  void numbersErrnoAndFlags() {
    assertThat(args(v2(EventType.OPEN_X, 1, 1, false, i64(3), cstr("/etc/passwd"), u32(4097),
        u32(0644), u32(0x803), i64(7))))
        .isEqualTo("fd=3 name=/etc/passwd flags=4097(O_RDONLY|O_CLOEXEC) mode=0644 dev=803 ino=7 ");
    assertThat(args(v2(EventType.CLOSE_X, 1, 1, false, i64(-2)))).isEqualTo("res=-2(ENOENT) ");
  }

  @Test
  void emptyParamsPrintLikeSysdig() {
    assertThat(args(v2(EventType.OPEN_X, 1, 1, false, new byte[0], new byte[0], new byte[0])))
        .isEqualTo("fd=<NA> name= flags=<NA> ");
    assertThat(value(EventType.CONNECT_E, 1, i64(3), new byte[0])).isEqualTo("NULL");
  }

  @Test
  void buffersAreCutAtTheSnaplen() {
    byte[] data = new byte[100];
    java.util.Arrays.fill(data, (byte) 'a');
    data[0] = '\n';
    String v = value(EventType.READ_X, 1, i64(100), data);
    assertThat(v).hasSize(80).startsWith(".aa").endsWith("a...");
  }

  @Test
  void typedValues() {
    EventTable t = view.table();
    EventInfo setuid = t.find("setuid", true);
    int uid = setuid.paramIndex("uid");
    assertThat(value(setuid.id(), uid, params(setuid, uid, u32(1000)))).isEqualTo("1000(alice)");
    assertThat(value(setuid.id(), uid, params(setuid, uid, u32(-1)))).isEqualTo("-1(<NONE>)");
    assertThat(value(setuid.id(), uid, params(setuid, uid, u32(7)))).isEqualTo("7(<NA>)");
    EventInfo kill = t.find("kill", true);
    int sig = kill.paramIndex("sig");
    assertThat(value(kill.id(), sig, params(kill, sig, u8(9)))).isEqualTo("9(SIGKILL)");
    EventInfo nanosleep = t.find("nanosleep", true);
    int interval = nanosleep.paramIndex("interval");
    assertThat(value(nanosleep.id(), interval, params(nanosleep, interval, i64(1_500_000_000L))))
        .isEqualTo("1500000000(1.5s)");
    assertThat(value(EventType.GENERIC_E, 0, u16(3), u16(0))).isEqualTo("3(read)");
  }

  @Test
  void genericEventsAreNamedAfterTheirSyscallAndPrintNoArgs() {
    byte[] ev = v2(EventType.GENERIC_E, 1, 1, false, u16(3), u16(0));
    view.reset(le(ev), 0);
    view.checkLayout(ev.length);
    assertThat(fmt.typeName(view)).isEqualTo("read");
    StringBuilder sb = new StringBuilder();
    fmt.appendArgs(view, sb);
    assertThat(sb).isEmpty();
  }

  @Test
  void percentGLikeC() {
    assertThat(EventFormatter.formatG(1.5)).isEqualTo("1.5");
    assertThat(EventFormatter.formatG(0.000012)).isEqualTo("1.2e-05");
    assertThat(EventFormatter.formatG(1234567)).isEqualTo("1.23457e+06");
    assertThat(EventFormatter.formatG(100)).isEqualTo("100");
    assertThat(EventFormatter.formatG(0)).isEqualTo("0");
  }
}
