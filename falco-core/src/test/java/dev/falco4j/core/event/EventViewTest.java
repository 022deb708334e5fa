package dev.falco4j.core.event;

import static dev.falco4j.core.event.EventBytes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class EventViewTest {

  private final EventView view = new EventView();

  private EventView at(byte[] bytes) {
    ByteBuffer b = le(bytes);
    view.reset(b, 0, 3, 0, 42);
    assertThat(view.checkLayout(bytes.length)).isEqualTo(EventView.LAYOUT_OK);
    return view;
  }

  @Test
  void headerGetters() {
    byte[] ev = v2(EventType.OPEN_X, 1_470_327_477_881_753_570L, 20072, false,
        i64(3), cstr("/etc/passwd"), u32(4097), u32(0), u32(0x803), i64(1234));
    at(ev);
    assertThat(view.timestamp()).isEqualTo(1_470_327_477_881_753_570L);
    assertThat(view.threadId()).isEqualTo(20072);
    assertThat(view.length()).isEqualTo(ev.length);
    assertThat(view.type()).isEqualTo(EventType.OPEN_X);
    assertThat(view.info().name()).isEqualTo("open");
    assertThat(view.paramCount()).isEqualTo(6);
    assertThat(view.isEnter()).isFalse();
    assertThat(view.directionSymbol()).isEqualTo('<');
    assertThat(view.cpu()).isEqualTo(3);
    assertThat(view.number()).isEqualTo(42);
    assertThat(view.paramAsLong(0)).isEqualTo(3);
    assertThat(view.paramAsString(1)).isEqualTo("/etc/passwd");
    assertThat(view.textLength(1)).isEqualTo(11);
    assertThat(view.textEquals(1, "/etc/passwd".getBytes())).isTrue();
    assertThat(view.textEquals(1, "/etc/passwe".getBytes())).isFalse();
    StringBuilder sb = new StringBuilder();
    assertThat(view.appendFlagNames(2, false, sb)).isTrue();
    assertThat(sb).hasToString("O_RDONLY|O_CLOEXEC");
    assertThat(view.paramAsLong(5)).isEqualTo(1234);
    assertThat(view.paramAsLong(6, -7)).isEqualTo(-7);
    assertThat(view.paramIndex("name")).isEqualTo(1);
  }

  @Test
  void signedAndNarrowIntegers() {
    // errno -2 stored in 8 bytes; an old driver's 32-bit -1 fd stored as 4294967295
    at(v2(EventType.CLOSE_X, 1, 1, false, i64(-2), i64(0xFFFFFFFFL)));
    assertThat(view.paramAsLong(0)).isEqualTo(-2);
    assertThat(view.paramAsLong(1)).isEqualTo(4294967295L);
    assertThat(view.table().errnoName(-view.paramAsLong(0))).isEqualTo("ENOENT");
  }

  @Test
  void emptyParamsAndLegacyHeader() {
    byte[] ev = v1(EventType.OPEN_X, 5, 6, i64(3), new byte[0], u32(1), u32(0));
    ByteBuffer b = le(ev);
    view.resetLegacy(b, 0, 4, 0, 0, 1);
    assertThat(view.checkLayout(ev.length)).isEqualTo(EventView.LAYOUT_OK);
    assertThat(view.isLegacy()).isTrue();
    assertThat(view.paramCount()).isEqualTo(4);
    assertThat(view.isEmpty(1)).isTrue();
    assertThat(view.paramAsString(1)).isEmpty();
    assertThat(view.paramAsLong(2)).isEqualTo(1);
    assertThat(view.encodedLength()).isEqualTo(ev.length + 4);
    EventView copy = view.detach();
    assertThat(copy.isLegacy()).isFalse();
    assertThat(copy.paramCount()).isEqualTo(4);
    assertThat(copy.length()).isEqualTo(ev.length + 4);
    assertThat(copy.paramAsLong(0)).isEqualTo(3);
    assertThat(copy.paramAsLong(2)).isEqualTo(1);
    assertThat(copy.timestamp()).isEqualTo(5);
  }

  @Test
  void socketAddressesAndTuples() {
    byte[] v4 = concat(u8(2), new byte[] {127, 0, 0, 1}, u16(8080));
    byte[] tuple4 = concat(u8(2), new byte[] {10, 0, 0, 1}, u16(5555), new byte[] {10, 0, 0, 2}, u16(80));
    byte[] ip6 = new byte[16];
    ip6[15] = 1;
    byte[] tuple6 = concat(u8(10), ip6, u16(1), ip6, u16(2));
    byte[] unix = concat(u8(1), i64(0xabcL), i64(0xdefL), cstr("/run/x.sock"));
    at(v2(EventType.CONNECT_X, 1, 1, false, i64(0), tuple4, i64(3)));
    assertThat(view.socktuple(1).isIpv4()).isTrue();
    assertThat(view.socktuple(1).sourceIpv4()).isEqualTo(0x0A000001);
    assertThat(view.socktuple(1).destPort()).isEqualTo(80);
    assertThat(view.socktuple(1)).hasToString("10.0.0.1:5555->10.0.0.2:80");
    at(v2(EventType.CONNECT_X, 1, 1, false, i64(0), tuple6, i64(3)));
    assertThat(view.socktuple(1)).hasToString("::1:1->::1:2");
    at(v2(EventType.CONNECT_X, 1, 1, false, i64(0), unix, i64(3)));
    assertThat(view.socktuple(1).isUnix()).isTrue();
    assertThat(view.socktuple(1).unixPathLength()).isEqualTo(11);
    assertThat(view.socktuple(1)).hasToString("abc->def /run/x.sock");
    at(v2(EventType.CONNECT_E, 1, 1, false, i64(3), v4));
    assertThat(view.sockaddr(1).isIpv4()).isTrue();
    assertThat(view.sockaddr(1).port()).isEqualTo(8080);
    assertThat(view.sockaddr(1)).hasToString("127.0.0.1:8080");
    byte[] mapped = new byte[16];
    mapped[10] = (byte) 0xff;
    mapped[11] = (byte) 0xff;
    mapped[12] = 1;
    mapped[13] = 2;
    mapped[14] = 3;
    mapped[15] = 4;
    at(v2(EventType.CONNECT_E, 1, 1, false, i64(3), concat(u8(10), mapped, u16(9))));
    assertThat(view.sockaddr(1)).hasToString("::ffff:1.2.3.4:9");
    at(v2(EventType.CONNECT_E, 1, 1, false, i64(3), new byte[0]));
    assertThat(view.sockaddr(1).family()).isEqualTo(SocketFamily.NONE);
    assertThat(view.sockaddr(1)).hasToString("NULL");
  }

  @Test
  void fdListsAndStringArrays() {
    byte[] fds = concat(u16(2), i64(3), u16(1), i64(4), u16(5));
    at(v2(EventType.POLL_E, 1, 1, false, fds, i64(100)));
    assertThat(view.fdList(0).size()).isEqualTo(2);
    assertThat(view.fdList(0).fd(1)).isEqualTo(4);
    assertThat(view.fdList(0).flags(1)).isEqualTo(5);
    byte[] args = "-l\0/tmp\0".getBytes();
    EventInfo execve = view.table().find("execve", false);
    int argsIndex = execve.paramIndex("args");
    byte[][] params = new byte[argsIndex + 1][];
    for (int i = 0; i < argsIndex; i++) {
      params[i] = new byte[0];
    }
    params[argsIndex] = args;
    at(v2(execve.id(), 1, 1, false, params));
    StringArrayView sa = view.stringArray(argsIndex);
    assertThat(sa.size()).isEqualTo(2);
    assertThat(sa.get(0)).isEqualTo("-l");
    assertThat(sa.get(1)).isEqualTo("/tmp");
    assertThat(sa.offset(2)).isEqualTo(-1);
    params[argsIndex] = "a\0bc".getBytes(); // no trailing NUL
    at(v2(execve.id(), 1, 1, false, params));
    assertThat(view.stringArray(argsIndex).size()).isEqualTo(2);
    assertThat(view.stringArray(argsIndex).get(1)).isEqualTo("bc");
  }

  @Test
  void largePayloadUses32BitLengths() {
    byte[] big = new byte[70_000];
    big[69_999] = 7;
    at(v2(EventType.ASYNCEVENT_E, 1, 1, true, u32(0), cstr("name"), big));
    assertThat(view.lengthWidth()).isEqualTo(4);
    assertThat(view.paramLength(2)).isEqualTo(70_000);
    assertThat(view.buffer().get(view.paramOffset(2) + 69_999)).isEqualTo((byte) 7);
  }

  @Test
  void dynamicParams() {
    EventInfo setsockopt = view.table().find("setsockopt", false);
    int valIndex = setsockopt.paramIndex("val");
    byte[][] params = new byte[setsockopt.paramCount()][];
    for (int i = 0; i < params.length; i++) {
      params[i] = new byte[0];
    }
    params[valIndex] = concat(u8(2), u32(77)); // PPM_SOCKOPT_IDX_UINT32
    at(v2(setsockopt.id(), 1, 1, false, params));
    assertThat(view.dynamicAlternative(valIndex).type()).isEqualTo(ParamType.UINT32);
    assertThat(view.dynamicAsLong(valIndex, -1)).isEqualTo(77);
    params[valIndex] = concat(u8(99), u32(77));
    at(v2(setsockopt.id(), 1, 1, false, params));
    assertThat(view.dynamicAlternative(valIndex)).isNull();
  }

  @Test
  void malformedLayoutsAreReportedNotThrown() {
    byte[] ev = v2(EventType.CLOSE_X, 1, 1, false, i64(0), i64(3));
    ByteBuffer b = le(ev);
    view.reset(b, 0);
    assertThat(view.checkLayout(ev.length - 1)).isEqualTo(EventView.LAYOUT_LEN_PAST_END);
    b.putInt(16, 10);
    view.reset(b, 0);
    assertThat(view.checkLayout(ev.length)).isEqualTo(EventView.LAYOUT_LEN_TOO_SMALL);
    b.putInt(16, ev.length);
    b.putInt(22, 1_000_000);
    view.reset(b, 0);
    assertThat(view.checkLayout(ev.length)).isEqualTo(EventView.LAYOUT_LENGTHS_OVERFLOW);
    b.putInt(22, 2);
    b.putShort(26, (short) 60000);
    view.reset(b, 0);
    assertThat(view.checkLayout(ev.length)).isEqualTo(EventView.LAYOUT_PARAMS_OVERFLOW);
    assertThatThrownBy(() -> view.paramAsLong(0)).isInstanceOf(IllegalStateException.class);
    b.putShort(20, (short) 60000);
    view.reset(b, 0);
    assertThat(view.info()).isNull();
    assertThat(view.checkLayout(ev.length)).isEqualTo(EventView.LAYOUT_UNKNOWN_TYPE);
    assertThat(EventView.layoutProblem(EventView.LAYOUT_PARAMS_OVERFLOW)).contains("parameter");
  }

  @Test
  void bigEndianBuffersAreRefused() {
    ByteBuffer b = ByteBuffer.wrap(v2(EventType.CLOSE_X, 1, 1, false, i64(0))).order(ByteOrder.BIG_ENDIAN);
    assertThatThrownBy(() -> view.reset(b, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
