package dev.falco4j.core.scap;

import static dev.falco4j.core.event.EventBytes.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.FdSnapshot;
import dev.falco4j.core.event.spi.FdType;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import dev.falco4j.core.event.spi.UserSnapshot;
import dev.falco4j.core.testing.Prerequisites;
import dev.falco4j.core.testing.SharedFiles;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScapWriterTest {

  @TempDir Path tmp;

  private static List<byte[]> events(Path p) throws Exception {
    List<byte[]> out = new ArrayList<>();
    EventView v = new EventView();
    try (ScapFileSource src = ScapFileSource.open(p, ScapReadOptions.defaults().withStrict(true))) {
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          ByteBuffer b = ByteBuffer.allocate(v.encodedLength() + 8).order(ByteOrder.LITTLE_ENDIAN);
          b.putInt(v.cpu()).putInt(v.dumpFlags());
          v.writeV2(b);
          out.add(b.array());
        }
      }
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"traces/cat_write.scap", "traces/empty.scap",
      "traces/synthetic/synthetic.scap", "traces/synthetic/concatenated.scap"})
  void copiesReadBackWithTheSameEventsAndState(String trace) throws Exception {
    Path in = SharedFiles.resolve(trace);
    Path out = tmp.resolve("copy.scap");
    long written = TraceCopy.copy(in, out, false, ScapCompatibility.CURRENT);
    List<byte[]> a = events(in);
    List<byte[]> b = events(out);
    assertThat(written).isEqualTo(a.size());
    assertThat(b).hasSameSizeAs(a);
    for (int i = 0; i < a.size(); i++) {
      assertThat(b.get(i)).as("event %d", i + 1).isEqualTo(a.get(i));
    }
    try (ScapFileSource x = ScapFileSource.open(in); ScapFileSource y = ScapFileSource.open(out)) {
      InitialState s1 = x.initialState();
      InitialState s2 = y.initialState();
      assertThat(s2.threads()).hasSameSizeAs(s1.threads());
      for (int i = 0; i < s1.threads().size(); i++) {
        ThreadSnapshot t1 = s1.threads().get(i);
        ThreadSnapshot t2 = s2.threads().get(i);
        assertThat(t2.tid()).isEqualTo(t1.tid());
        assertThat(t2.comm()).isEqualTo(t1.comm());
        assertThat(t2.cwd()).isEqualTo(t1.cwd());
        assertThat(t2.loginuid()).isEqualTo(t1.loginuid());
        assertThat(t2.version()).isEqualTo(9);
      }
      assertThat(s2.users()).isEqualTo(s1.users());
      assertThat(s2.groups()).isEqualTo(s1.groups());
      assertThat(s2.machine()).isEqualTo(s1.machine());
      assertThat(s2.interfaces()).hasSameSizeAs(s1.interfaces());
      assertThat(s2.fds().size()).isLessThanOrEqualTo(s1.fds().size());
    }
  }

  @Test
  void sysdigCompatibilityLeavesOutNewerEventTypes() throws Exception {
    Path out = tmp.resolve("compat.scap.gz");
    long written = TraceCopy.copy(SharedFiles.resolve("traces/synthetic/synthetic.scap"), out,
        true, ScapCompatibility.SYSDIG_0_29);
    assertThat(written).isEqualTo(12); // the two asyncevent (402) events are left out
    assertThat(events(out)).hasSize(12);
  }

  @Test
  void legacyEventsAreWrittenWithTheV2Header() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] legacy = v1(EventType.CLOSE_X, 9, 10, i64(0), i64(3));
    EventView v = new EventView();
    v.resetLegacy(le(legacy), 0, 2, 1, 0, 1);
    assertThat(v.checkLayout(legacy.length)).isZero();
    try (ScapWriter w = ScapWriter.create(bytes, false, ScapCompatibility.CURRENT)) {
      w.writeHeader(InitialState.empty());
      assertThat(w.writeEvent(v)).isTrue();
    }
    Path f = tmp.resolve("one.scap");
    java.nio.file.Files.write(f, bytes.toByteArray());
    EventView r = new EventView();
    try (ScapFileSource src = ScapFileSource.open(f)) {
      assertThat(src.next(r)).isEqualTo(EventSource.EVENT);
      assertThat(r.isLegacy()).isFalse();
      assertThat(r.paramCount()).isEqualTo(2);
      assertThat(r.length()).isEqualTo(legacy.length + 4);
      assertThat(r.paramAsLong(1)).isEqualTo(3);
      assertThat(r.cpu()).isEqualTo(1);
      assertThat(src.next(r)).isEqualTo(EventSource.END);
    }
  }

  @Test
  void eventsBeforeTheHeaderAreRefused() throws Exception {
    try (ScapWriter w = ScapWriter.create(new ByteArrayOutputStream(), false, ScapCompatibility.CURRENT)) {
      assertThatThrownBy(() -> w.writeEvent(new EventView())).isInstanceOf(IllegalStateException.class);
      w.writeHeader(InitialState.empty());
      assertThatThrownBy(() -> w.writeHeader(InitialState.empty()))
          .isInstanceOf(IllegalStateException.class);
    }
  }

  /**
   * libscap refuses a whole file whose process list holds a longer string than it reads (sysdig
   * 0.29.3: "invalid argslen 5033", seen live with a 5 KB command line on the host): the writer
   * cuts them, and sysdig reads every event of the copy.
   */
  @ParameterizedTest
  @EnumSource(ScapCompatibility.class)
  void stringsLongerThanLibscapReadsAreCut(ScapCompatibility compatibility) throws Exception {
    Path in = SharedFiles.resolve("traces/cat_write.scap");
    Path out = tmp.resolve("long-strings.scap");
    long cut;
    ThreadSnapshot longOne;
    EventView v = new EventView();
    try (ScapFileSource src = ScapFileSource.open(in);
        ScapWriter w = ScapWriter.create(out, false, compatibility)) {
      InitialState s = src.initialState();
      ThreadSnapshot t = s.threads().get(0);
      longOne = new ThreadSnapshot(t.tid(), t.pid(), t.ptid(), t.sid(), t.vpgid(),
          "c".repeat(2000), "/bin/" + "e".repeat(2000), "/bin/" + "p".repeat(2000),
          ("x".repeat(3000) + "\0").repeat(2).getBytes(StandardCharsets.UTF_8),
          "/" + "w".repeat(1500), t.fdlimit(), t.flags(), t.uid(), t.gid(), t.vmsizeKb(),
          t.vmrssKb(), t.vmswapKb(), t.pfmajor(), t.pfminor(),
          ("K=" + "v".repeat(4500)).getBytes(StandardCharsets.UTF_8), t.vtid(), t.vpid(),
          ("cpu=/" + "g".repeat(3000) + "\0memory=/" + "m".repeat(3000) + "\0")
              .getBytes(StandardCharsets.UTF_8), "/" + "r".repeat(1100), t.pidnsInitStart(),
          t.tty(), t.loginuid(), t.exeWritable(), t.capInheritable(), t.capPermitted(),
          t.capEffective(), t.exeUpperLayer(), t.exeIno(), t.exeInoCtime(), t.exeInoMtime(),
          t.exeFromMemfd(), t.exeLowerLayer(), t.pgid(), t.version());
      List<ThreadSnapshot> threads = new ArrayList<>(s.threads());
      threads.set(0, longOne);
      List<FdSnapshot> fds = new ArrayList<>(s.fds());
      fds.add(new FdSnapshot(t.tid(), 999, 1, FdType.FILE_V2, FdType.FILE_V2.id(),
          "/tmp/" + "f".repeat(1200), 0, 0, null, null, 0, 0, 0, 0, 0, true));
      List<UserSnapshot> users = new ArrayList<>(s.users());
      users.add(new UserSnapshot(4242, 4242, "u".repeat(300), "/home/x", "/bin/sh"));
      w.writeHeader(new InitialState(s.machine(), threads, fds, users, s.groups(),
          s.interfaces()));
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          w.writeEvent(v);
        }
      }
      cut = w.metadataStringsCut();
    }
    // comm, exe, exepath, args, cwd, env, cgroups, root, the fd name, the user name
    assertThat(cut).isEqualTo(10);
    try (ScapFileSource back = ScapFileSource.open(out)) {
      ThreadSnapshot t = back.initialState().threads().get(0);
      assertThat(t.comm()).isEqualTo("c".repeat(MetadataLimits.PATH));
      assertThat(t.cwd()).hasSize(MetadataLimits.PATH).startsWith("/www");
      assertThat(t.args()).hasSize(MetadataLimits.LIST)
          .startsWith(longOne.args()[0], longOne.args()[1]).endsWith((byte) 'x', (byte) 0);
      assertThat(t.env()).hasSize(MetadataLimits.LIST).endsWith((byte) 0);
      assertThat(new String(t.cgroups(), StandardCharsets.UTF_8))
          .isEqualTo("cpu=/" + "g".repeat(3000) + "\0");
      assertThat(back.initialState().fds()).anyMatch(f -> f.fd() == 999
          && f.name().length() == MetadataLimits.PATH);
      assertThat(back.initialState().users()).anyMatch(u -> u.uid() == 4242
          && u.name().length() == MetadataLimits.CREDENTIAL);
    }
    Prerequisites.sysdig();
    List<String> format = List.of("-p", "%evt.num %evt.type");
    assertThat(Sysdig.run(sysdigArgs("-r", out.toString(), format)))
        .as("sysdig shows the same events for the copy")
        .isEqualTo(Sysdig.run(sysdigArgs("-r", in.toString(), format))).isNotEmpty();
  }

  private static List<String> sysdigArgs(String a, String b, List<String> rest) {
    List<String> out = new ArrayList<>(List.of(a, b));
    out.addAll(rest);
    return out;
  }
}
