package dev.falco4j.core.scap;

import static dev.falco4j.core.event.EventBytes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.ParamInfo;
import dev.falco4j.core.event.ParamType;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.FdSnapshot;
import dev.falco4j.core.event.spi.FdType;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ScapCompatibility#SYSDIG_0_29} writing: every current event type the plans rewrite is
 * written, read back with sysdig 0.29.3's own table (strictly: a layout that table does not
 * accept fails the read) and checked parameter by parameter; then the error paths.
 */
class ScapWriterDownConversionTest {

  private static final long TS = 1_700_000_000_000_000_000L;
  private static final long TID = 4242;

  @TempDir Path tmp;

  private final EventTable current = EventTable.current();
  private final EventTable older = EventTable.sysdig029();
  private final Sysdig029Layouts layouts = Sysdig029Layouts.sysdig029();

  @Test
  void everyRewrittenTypeDecodesInSysdigsTableWithItsValues() throws Exception {
    int checked = 0;
    List<String> problems = new ArrayList<>();
    for (int t = 0; t < current.size(); t++) {
      LayoutPlan plan = layouts.plan(t);
      EventInfo info = current.event(t);
      if (plan.drops() || plan.copiesAsIs(info.paramCount())) {
        continue;
      }
      byte[][] params = new byte[info.paramCount()][];
      for (int i = 0; i < params.length; i++) {
        params[i] = sample(info.param(i), i);
      }
      byte[] event = v2(t, TS, TID, info.isLargePayload(), params);
      List<EventView> read = roundTrip(event);
      if (read.size() != plan.blocks()) {
        problems.add(info.symbol() + ": " + read.size() + " events read, " + plan.blocks()
            + " planned");
        continue;
      }
      List<TargetLayout> parts = new ArrayList<>();
      if (plan.enter() != null) {
        parts.add(plan.enter());
      }
      parts.add(plan.olderEvent()); // null: the event itself, kept
      for (int k = 0; k < read.size(); k++) {
        EventView ev = read.get(k);
        TargetLayout part = parts.get(k);
        if (part == null) {
          byte[] stored = new byte[ev.encodedLength()];
          ev.writeV2(ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN));
          if (!Arrays.equals(stored, event)) {
            problems.add(info.symbol() + ": the kept event changed");
          }
          continue;
        }
        String where = info.symbol() + " as " + part.target().symbol();
        if (ev.type() != part.type() || ev.paramCount() != part.target().paramCount()
            || ev.timestamp() != TS || ev.threadId() != TID || ev.cpu() != 1) {
          problems.add(where + ": header " + ev);
          continue;
        }
        for (int i = 0; i < ev.paramCount(); i++) {
          byte[] expected = expected(part, i, info, params);
          byte[] actual = ev.paramBytes(i);
          if (!Arrays.equals(expected, actual)) {
            problems.add(where + " param " + part.target().param(i).name() + ": "
                + Arrays.toString(actual) + " instead of " + Arrays.toString(expected));
          }
        }
      }
      checked++;
    }
    assertThat(problems).isEmpty();
    assertThat(checked).isGreaterThan(100);
  }

  @Test
  void closeGetsItsEnterEventAndIsReported() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(InitialState.empty());
      assertThat(w.writeEvent(view(v2(EventType.CLOSE_X, TS, TID, false, i64(0), i64(7)))))
          .isTrue();
      // an old-style close exit (res only) comes with its own enter event: copied
      assertThat(w.writeEvent(view(v2(EventType.CLOSE_X, TS + 1, TID, false, i64(0))))).isTrue();
      assertThat(w.writeEvent(view(v2(EventType.DUP2_X, TS + 2, TID, false, i64(1), i64(5),
          i64(1))))).isTrue();
      assertThat(w.writeEvent(view(v2(EventType.ASYNCEVENT_E, TS + 3, TID, true, u32(1),
          cstr("x"), new byte[0])))).isFalse();
      assertThat(w.eventsWritten()).isEqualTo(5);
      assertThat(w.skippedEvents()).isEqualTo(1);
      DownConversionReport r = w.downConversion();
      assertThat(r.eventsIn()).isEqualTo(4);
      assertThat(r.eventsWritten()).isEqualTo(5);
      assertThat(r.enterEventsAdded()).isEqualTo(2);
      assertThat(r.withEnter()).containsOnly(java.util.Map.entry("close <", 1L),
          java.util.Map.entry("dup2 <", 1L));
      assertThat(r.rewritten()).containsExactly(java.util.Map.entry("dup2 <", 1L));
      assertThat(r.dropped()).containsExactly(java.util.Map.entry("asyncevent >", 1L));
      assertThat(r.convertedTotal()).isEqualTo(1);
      assertThat(r.droppedTotal()).isEqualTo(1);
      assertThat(r.summary()).isEqualTo("trace for sysdig 0.29.3: 4 events in, 5 written (2 enter"
          + " events added); enter added: close < 1, dup2 < 1; older layouts: dup2 < 1; generic"
          + " syscall: none; dropped: asyncevent > 1");
    }
    List<EventView> read = readAll(bytes.toByteArray(), older);
    assertThat(read).extracting(EventView::type).containsExactly(EventType.CLOSE_E,
        EventType.CLOSE_X, EventType.CLOSE_X, EventType.DUP_E, EventType.DUP_X);
    assertThat(read.get(0).paramAsLong(0)).isEqualTo(7);
    assertThat(read.get(1).paramCount()).isEqualTo(2); // today's close exit, kept whole
    assertThat(read.get(2).paramCount()).isEqualTo(1);
    assertThat(read.get(3).paramAsLong(0)).isEqualTo(5);
    assertThat(read.get(4).paramAsLong(0)).isEqualTo(1);
  }

  @Test
  void anOldTracesLoneExitGetsNoEnterAtItsThreadsStart() throws Exception {
    // select's layout did not change since 2022: an exit that is its thread's first event may be
    // a syscall begun before the capture (old traces have them); later ones get their enter
    byte[] select = v2(83, TS, TID, false, i64(0));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(InitialState.empty());
      w.writeEvent(view(select));
      w.writeEvent(view(select));
      // the source's own enter event in front: nothing added
      w.writeEvent(view(v2(82, TS, TID, false)));
      w.writeEvent(view(select));
    }
    assertThat(readAll(bytes.toByteArray(), older)).extracting(EventView::type)
        .containsExactly(83, 82, 83, 82, 83);
  }

  @Test
  void theChildSideOfAForkGetsNoEnterEvent() throws Exception {
    EventInfo clone3 = current.event(EventType.CLONE3_X);
    byte[][] params = new byte[clone3.paramCount()][];
    for (int i = 0; i < params.length; i++) {
      params[i] = sample(clone3.param(i), i);
    }
    params[0] = i64(4243); // the parent: clone3 returns the child's tid
    byte[] parent = v2(EventType.CLONE3_X, TS, TID, false, params);
    params[0] = i64(0); // the child: it returns 0 without having entered clone3
    byte[] child = v2(EventType.CLONE3_X, TS, 4243, false, params);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(InitialState.empty());
      w.writeEvent(view(parent));
      w.writeEvent(view(child));
    }
    assertThat(readAll(bytes.toByteArray(), older)).extracting(EventView::type)
        .containsExactly(EventType.CLONE3_X - 1, EventType.CLONE3_X, EventType.CLONE3_X);
  }

  @Test
  void genericEventsOfSyscallsSysdigDoesNotKnowAreDropped() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(InitialState.empty());
      // ppm_sc 106 (prctl) exists for sysdig 0.29: an enter (ID, nativeID) in front of the exit
      assertThat(w.writeEvent(view(v2(EventType.GENERIC_X, TS, TID, false, u16(106), u16(157)))))
          .isTrue();
      // 342 (memfd_create) is newer than sysdig's table: it would show a bogus name
      assertThat(w.writeEvent(view(v2(EventType.GENERIC_X, TS, TID, false, u16(342), u16(319)))))
          .isFalse();
      assertThat(w.writeEvent(view(v2(EventType.GENERIC_E, TS, TID, false, u16(342), u16(319)))))
          .isFalse();
      assertThat(w.downConversion().dropped())
          .containsOnly(java.util.Map.entry("syscall <", 1L), java.util.Map.entry("syscall >", 1L));
    }
    List<EventView> read = readAll(bytes.toByteArray(), older);
    assertThat(read).hasSize(2);
    assertThat(read.get(0).type()).isEqualTo(EventType.GENERIC_E);
    assertThat(read.get(0).paramAsLong(0)).isEqualTo(106);
    assertThat(read.get(0).paramAsLong(1)).isEqualTo(157);
    assertThat(read.get(1).type()).isEqualTo(EventType.GENERIC_X);
    assertThat(read.get(1).paramCount()).isEqualTo(2); // kept whole: sysdig reads ID only
  }

  @Test
  void negativeResultsGoIntoTheErrnoAlternativeOfADynamicParam() throws Exception {
    byte[] bytes = encode(v2(EventType.BPF_2_X, TS, TID, false, i64(-1), u32(5)));
    List<EventView> read = decode(bytes);
    EventView exit = read.get(1);
    assertThat(exit.type()).isEqualTo(297); // PPME_SYSCALL_BPF_X
    assertThat(exit.dynamicAlternative(0).type()).isEqualTo(ParamType.ERRNO);
    assertThat(exit.dynamicAsLong(0, 0)).isEqualTo(-1);
    read = decode(encode(v2(EventType.BPF_2_X, TS, TID, false, i64(9), u32(5))));
    assertThat(read.get(1).dynamicAlternative(0).type()).isEqualTo(ParamType.FD);
    assertThat(read.get(1).dynamicAsLong(0, 0)).isEqualTo(9);
    assertThat(read.get(0).paramAsLong(0)).isEqualTo(5); // cmd, widened to sysdig's 64 bits
  }

  @Test
  void missingOrEmptyParamsGetTheConvertersDefault() throws Exception {
    // a setresuid exit that carries only res: already sysdig's layout, copied as it is
    List<EventView> read = decode(encode(v2(EventType.SETRESUID_X, TS, TID, false, i64(0))));
    assertThat(read).hasSize(1);
    // a close exit with an empty fd: sysdig reads fixed-width params blindly, so 8 zero bytes
    read = decode(encode(v2(EventType.CLOSE_X, TS, TID, false, i64(0), new byte[0])));
    assertThat(read.get(0).paramLength(0)).isEqualTo(8);
    assertThat(read.get(0).paramAsLong(0)).isZero();
    // setuid: no uid given -> 0xFFFFFFFF, "no uid", as the converter's DEFAULT writes it
    read = decode(encode(v2(EventType.SETUID_X, TS, TID, false, i64(0), new byte[0])));
    assertThat(read.get(0).paramBytes(0)).containsExactly(0xFF, 0xFF, 0xFF, 0xFF);
  }

  @Test
  void aTooBigEventWritesNothingAndTheTraceStaysReadable() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EventInfo execve = current.event(EventType.EXECVE_19_X);
    byte[][] params = new byte[execve.paramCount()][];
    for (int i = 0; i < params.length; i++) {
      params[i] = sample(execve.param(i), i);
    }
    params[execve.paramIndex("args")] = new byte[60000];
    params[execve.paramIndex("env")] = new byte[60000];
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(InitialState.empty());
      EventView big = view(v2(EventType.EXECVE_19_X, TS, TID, false, params));
      assertThatThrownBy(() -> w.writeEvent(big)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("PPME_SYSCALL_EXECVE_19_X")
          .hasMessageContaining("more than a non-large event block holds");
      assertThat(w.eventsWritten()).isZero(); // not even the enter event
      assertThat(w.writeEvent(view(v2(EventType.CLOSE_X, TS, TID, false, i64(0), i64(3)))))
          .isTrue();
    }
    assertThat(readAll(bytes.toByteArray(), older)).hasSize(2);
  }

  @Test
  void unknownTypesAreDroppedAndCounted() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(InitialState.empty());
      byte[] e = v2(EventType.CLOSE_X, TS, TID, false, i64(0));
      ByteBuffer b = le(e);
      b.putShort(20, (short) 4000);
      EventView v = new EventView();
      v.reset(b, 0, 0, 0, 1);
      assertThat(w.writeEvent(v)).isFalse();
      assertThat(w.downConversion().dropped()).containsExactly(java.util.Map.entry("unknown type",
          1L));
    }
  }

  @Test
  void eventsDecodedWithSysdigsTableAreAlreadyItsLayout() throws Exception {
    EventView v = new EventView(older);
    byte[] e = v2(EventType.CLOSE_X, TS, TID, false, i64(0), i64(3));
    v.reset(le(e), 0, 1, 0, 1);
    assertThat(v.checkLayout(e.length)).isZero();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(InitialState.empty());
      assertThat(w.writeEvent(v)).isTrue();
      assertThat(w.downConversion().enterEventsAdded()).isZero();
    }
    assertThat(readAll(bytes.toByteArray(), older)).hasSize(1);
  }

  @Test
  void currentCompatibilityCopiesEverything() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.CURRENT)) {
      w.writeHeader(InitialState.empty());
      assertThat(w.writeEvent(view(v2(EventType.PRCTL_X, TS, TID, false, i64(0), u32(15),
          cstr("worker"), i64(0))))).isTrue();
      DownConversionReport r = w.downConversion();
      assertThat(r.target()).isEqualTo("current libscap");
      assertThat(r.rewritten()).isEmpty();
      assertThat(r.enterEventsAdded()).isZero();
      assertThat(r.summary()).contains("older layouts: none");
    }
    List<EventView> read = readAll(bytes.toByteArray(), current);
    assertThat(read).hasSize(1);
    assertThat(read.get(0).type()).isEqualTo(EventType.PRCTL_X);
  }

  @Test
  void fdKindsNewerThanSysdigAreWrittenAsUnsupported() throws Exception {
    ThreadSnapshot t = new ThreadSnapshot(10, 10, 1, 10, 10, "sh", "sh", "/bin/sh", new byte[0],
        "/", 1024, 0, 0, 0, 0, 0, 0, 0, 0, new byte[0], 10, 10, new byte[0], "/", 0, 0, -1,
        false, 0, 0, 0, false, 0, 0, 0, false, false, 10, 9);
    FdSnapshot memfd = new FdSnapshot(10, 5, 77, FdType.MEMFD, FdType.MEMFD.id(), "memfd:x", 0, 0,
        null, null, 0, 0, 1, 0, 0, false);
    FdSnapshot pipe = new FdSnapshot(10, 6, 78, FdType.FIFO, FdType.FIFO.id(), "", 0, 0, null,
        null, 0, 0, 1, 0, 0, false);
    InitialState state = new InitialState(null, List.of(t), List.of(memfd, pipe), List.of(),
        List.of(), List.of());
    for (ScapCompatibility c : ScapCompatibility.values()) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ScapWriter w = ScapWriter.create(bytes, false, c)) {
        w.writeHeader(state);
        w.writeEvent(view(v2(EventType.CLOSE_X, TS, 10, false, i64(0))));
      }
      Path f = tmp.resolve(c + ".scap");
      Files.write(f, bytes.toByteArray());
      try (ScapFileSource src = ScapFileSource.open(f)) {
        List<FdSnapshot> fds = src.initialState().fds();
        assertThat(fds).hasSize(2);
        assertThat(fds.get(0).type()).isEqualTo(c == ScapCompatibility.CURRENT ? FdType.MEMFD
            : FdType.UNSUPPORTED);
        assertThat(fds.get(0).name()).isEqualTo("memfd:x");
        assertThat(fds.get(1).type()).isEqualTo(FdType.FIFO);
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * The event written after another event of its thread (an old-style close exit, copied as it
   * is): the writer then knows the thread, as it does in the middle of a capture.
   */
  private byte[] encode(byte[] event) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.SYSDIG_0_29)) {
      w.writeHeader(InitialState.empty());
      w.writeEvent(view(v2(EventType.CLOSE_X, TS - 1, TID, false, i64(0))));
      w.writeEvent(view(event));
    }
    return bytes.toByteArray();
  }

  /** What {@link #encode} wrote after its leading event, read with sysdig's table. */
  private List<EventView> decode(byte[] trace) throws Exception {
    List<EventView> all = readAll(trace, older);
    assertThat(all.get(0).timestamp()).isEqualTo(TS - 1);
    return all.subList(1, all.size());
  }

  private List<EventView> roundTrip(byte[] event) throws Exception {
    return decode(encode(event));
  }

  private List<EventView> readAll(byte[] trace, EventTable table) throws Exception {
    Path f = Files.createTempFile(tmp, "t", ".scap");
    Files.write(f, trace);
    List<EventView> out = new ArrayList<>();
    EventView v = new EventView(table);
    try (ScapFileSource src = ScapFileSource.open(f, ScapReadOptions.defaults().withStrict(true),
        table)) {
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          out.add(v.detach());
        }
      }
    }
    return out;
  }

  private static EventView view(byte[] event) {
    EventView v = new EventView();
    v.reset(le(event), 0, 1, 0, 1);
    if (v.checkLayout(event.length) != EventView.LAYOUT_OK) {
      throw new IllegalArgumentException("bad test event " + v);
    }
    return v;
  }

  /** A distinct, valid value of the param's type. */
  private static byte[] sample(ParamInfo p, int i) {
    switch (p.type()) {
      case SYSCALLID:
        return u16(106); // prctl: known to both tables
      case UID:
      case GID:
        return u32(1000 + i);
      case CHARBUF:
      case FSPATH:
      case FSRELPATH:
        return cstr("p" + i);
      case BYTEBUF:
        return new byte[] {'b', (byte) i};
      case SOCKADDR:
        return concat(u8(2), new byte[] {127, 0, 0, 1}, u16(80 + i));
      case SOCKTUPLE:
        return concat(u8(2), new byte[] {127, 0, 0, 1}, u16(4000 + i), new byte[] {127, 0, 0, 1},
            u16(80));
      case FDLIST:
        return concat(u16(1), i64(3 + i), u16(1));
      case DYN: {
        ParamInfo alt = p.dynamicTable().alternative(0);
        return concat(u8(0), sample(alt, i));
      }
      default: {
        int size = p.type().fixedSize();
        if (size < 0) {
          return cstr("v" + i);
        }
        byte[] b = new byte[size];
        for (int k = 0; k < size; k++) {
          b[k] = (byte) (k == 0 ? 1 + i : 0);
        }
        return b;
      }
    }
  }

  /** What target param i must hold, by the value rules of {@link TargetLayout}. */
  private static byte[] expected(TargetLayout part, int i, EventInfo source, byte[][] params) {
    ParamType to = part.target().param(i).type();
    int s = part.source(i);
    if (s == TargetLayout.CONSTANT) {
      return littleEndian(part.constant(i), to.fixedSize());
    }
    if (s < 0) {
      if (to.fixedSize() < 0) {
        return new byte[0];
      }
      byte[] d = new byte[to.fixedSize()];
      if (to == ParamType.UID || to == ParamType.GID) {
        Arrays.fill(d, (byte) 0xFF);
      }
      return d;
    }
    ParamType from = source.param(s).type();
    byte[] v = params[s];
    if (to == ParamType.DYN && from != ParamType.DYN) {
      long value = integer(v, from.isSigned());
      for (int a = 0; a < part.target().param(i).dynamicTable().size(); a++) {
        ParamType at = part.target().param(i).dynamicTable().alternative(a).type();
        if (at == from) {
          return concat(u8(a), littleEndian(value, at.fixedSize()));
        }
      }
      throw new AssertionError("no alternative of type " + from);
    }
    if (from.fixedSize() == to.fixedSize() || (from.fixedSize() < 0 && to.fixedSize() < 0)) {
      return v;
    }
    return littleEndian(integer(v, from.isSigned()), to.fixedSize());
  }

  private static long integer(byte[] b, boolean signed) {
    long v = 0;
    for (int k = b.length - 1; k >= 0; k--) {
      v = (v << 8) | (b[k] & 0xFF);
    }
    if (signed && b.length < 8 && (b[b.length - 1] & 0x80) != 0) {
      v |= -1L << (8 * b.length);
    }
    return v;
  }

  private static byte[] littleEndian(long v, int size) {
    byte[] out = new byte[size];
    ByteBuffer.wrap(new byte[8]).order(ByteOrder.LITTLE_ENDIAN).putLong(0, v).get(0, out, 0,
        size);
    return out;
  }
}
