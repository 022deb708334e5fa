package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.spi.FdSnapshot;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import dev.falco4j.core.event.spi.UserSnapshot;
import dev.falco4j.core.scap.ScapCompatibility;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapWriter;
import dev.falco4j.core.testing.SharedFiles;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A seeded state written as a trace's process and fd lists (what {@code falco -w} records after the
 * {@code /proc} scan) reads back into the same processes, threads and fds.
 */
class StateSnapshotTest {

  @TempDir Path dir;

  @Test
  void aProcScanRoundTripsThroughATrace() throws IOException {
    Path p = process(100, 1, "nginx: worker", "nginx\0-g\0daemon off;\0", "HOME=/root\0");
    Files.createSymbolicLink(p.resolve("fd/0"), Path.of("/dev/null"));
    Files.createSymbolicLink(p.resolve("fd/4"), Path.of("pipe:[777]"));
    Files.createSymbolicLink(p.resolve("fd/5"), Path.of("anon_inode:[eventfd]"));
    Files.createSymbolicLink(p.resolve("fd/7"), Path.of("anon_inode:bpf-prog"));
    Path task = p.resolve("task/101");
    Files.createDirectories(task);
    Files.writeString(task.resolve("stat"), "101 (worker thread) S 1 100 100 0 -1 0 0 0 0 0 0 0 0"
        + " 0 20 0 2 0 500 0 0");
    Files.writeString(task.resolve("status"), "Uid:\t33\t33\t33\t33\nGid:\t33\t33\t33\t33\n");
    process(200, 100, "sh", "sh\0-c\0true\0", "");
    SystemState scanned = new SystemState();
    new ProcScanner(dir).scanInto(scanned, 0);
    UserSnapshot www = new UserSnapshot(33, 33, "www-data", "/var/www", "/usr/sbin/nologin");
    InitialState base = new InitialState(null, List.of(), List.of(), List.of(www), List.of(),
        List.of());

    InitialState snapshot = StateSnapshot.of(scanned, base);

    assertThat(snapshot.users()).containsExactly(www);
    assertThat(snapshot.threads()).extracting(ThreadSnapshot::tid).containsExactly(100L, 101L, 200L);
    ThreadSnapshot worker = snapshot.threads().get(1);
    assertThat(worker.flags() & 0x2001).as("CLONE_THREAD|CLONE_FILES").isEqualTo(0x2001);
    assertThat(snapshot.fds()).extracting(FdSnapshot::tid).containsOnly(100L); // threads share
    assertThat(new String(snapshot.threads().get(0).args(), StandardCharsets.UTF_8))
        .isEqualTo("-g\0daemon off;\0");

    for (ScapCompatibility c : ScapCompatibility.values()) {
      SystemState back = writeAndSeed(snapshot, c);
      ThreadInfo main = back.thread(100);
      assertThat(main.comm()).isEqualTo("nginx: worker");
      assertThat(main.exe()).isEqualTo("nginx");
      assertThat(main.exePath()).isEqualTo("/usr/sbin/nginx");
      assertThat(main.args()).isEqualTo("-g daemon off;");
      assertThat(main.envValue("HOME")).isEqualTo("/root");
      assertThat(main.cwd()).isEqualTo("/srv/www/");
      assertThat(main.uid()).isEqualTo(33);
      assertThat(main.fdLimit()).isEqualTo(1024);
      assertThat(main.fds().get(0).name()).isEqualTo("/dev/null");
      assertThat(main.fds().get(4).type()).isEqualTo(FdType.FIFO);
      assertThat(main.fds().get(4).ino()).isEqualTo(777);
      assertThat(main.fds().get(5).type()).isEqualTo(FdType.EVENT);
      // a kind sysdig 0.29 does not know is kept only for current readers
      assertThat(main.fds().get(7).type())
          .isEqualTo(c == ScapCompatibility.CURRENT ? FdType.BPF : FdType.UNSUPPORTED);
      ThreadInfo thread = back.thread(101);
      assertThat(thread.comm()).isEqualTo("worker thread");
      assertThat(thread.fds()).isSameAs(main.fds());
      assertThat(back.thread(200).ptid()).isEqualTo(100);
      assertThat(back.users().user(33).name()).isEqualTo("www-data");
    }
  }

  @Test
  void aTracesStateRoundTrips() throws IOException {
    SystemState seeded = new SystemState();
    InitialState original;
    try (ScapFileSource src = ScapFileSource.open(SharedFiles.resolve("traces/syscall.scap"))) {
      original = src.initialState();
    }
    new TraceSeeder().load(original, seeded);
    SystemState back = writeAndSeed(StateSnapshot.of(seeded, original), ScapCompatibility.SYSDIG_0_29);
    int threads = 0;
    int fds = 0;
    for (ThreadSnapshot s : original.threads()) {
      ThreadInfo a = seeded.thread(s.tid());
      ThreadInfo b = back.thread(s.tid());
      assertThat(b).as("thread %d", s.tid()).isNotNull();
      assertThat(b.comm()).isEqualTo(a.comm());
      assertThat(b.exe()).isEqualTo(a.exe());
      assertThat(b.args()).isEqualTo(a.args());
      assertThat(b.cwd()).isEqualTo(a.cwd());
      assertThat(b.ptid()).isEqualTo(a.ptid());
      assertThat(b.uid()).isEqualTo(a.uid());
      assertThat(b.loginUid()).isEqualTo(a.loginUid());
      assertThat(b.fds().size()).isEqualTo(a.fds().size());
      for (int slot = 0; slot < a.fds().slotCount(); slot++) {
        FdInfo f = a.fds().at(slot);
        if (f != null) {
          FdInfo g = b.fds().get(f.fd());
          assertThat(g).as("fd %d of %d", f.fd(), s.tid()).isNotNull();
          assertThat(g.name()).isEqualTo(f.name());
          assertThat(g.type()).isEqualTo(f.type());
          fds++;
        }
      }
      threads++;
    }
    assertThat(threads).isEqualTo(229); // scap-format.md §16.3
    assertThat(fds).isPositive();
  }

  private SystemState writeAndSeed(InitialState state, ScapCompatibility c) throws IOException {
    Path f = dir.resolve("snapshot-" + c + ".scap");
    try (ScapWriter w = ScapWriter.create(f, false, c)) {
      w.writeHeader(state);
    }
    appendOneEvent(f); // readers refuse a trace without events (scap-format.md §2)
    SystemState back = new SystemState();
    try (ScapFileSource src = ScapFileSource.open(f)) {
      new TraceSeeder().load(src.initialState(), back);
    }
    return back;
  }

  /** An EV_V2 block with a procinfo event (type 234, 2 x u64). */
  private static void appendOneEvent(Path f) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(8 + 2 + 26 + 4 + 16 + 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
    int body = 2 + 26 + 4 + 16;
    int pad = (4 - body % 4) % 4;
    int total = 8 + body + pad + 4;
    b.putInt(0x216).putInt(total).putShort((short) 0);
    b.putLong(1).putLong(1).putInt(26 + 4 + 16).putShort((short) 234).putInt(2);
    b.putShort((short) 8).putShort((short) 8).putLong(1).putLong(2);
    for (int i = 0; i < pad; i++) {
      b.put((byte) 0);
    }
    b.putInt(total);
    Files.write(f, java.util.Arrays.copyOf(b.array(), total),
        java.nio.file.StandardOpenOption.APPEND);
  }

  private Path process(long pid, long ppid, String comm, String cmdline, String environ)
      throws IOException {
    Path p = dir.resolve(Long.toString(pid));
    Files.createDirectories(p.resolve("fd"));
    Files.createDirectories(p.resolve("task/" + pid));
    Files.writeString(p.resolve("stat"), pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid
        + " 0 -1 4194560 10 0 2 0 1 1 0 0 20 0 1 0 500 1000 10");
    Files.writeString(p.resolve("status"),
        "Name:\tx\nUid:\t33\t33\t33\t33\nGid:\t33\t33\t33\t33\nNSpid:\t" + pid + "\nNStgid:\t"
            + pid + "\nVmSize:\t  1000 kB\n");
    Files.write(p.resolve("cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
    Files.write(p.resolve("environ"), environ.getBytes(StandardCharsets.UTF_8));
    Files.writeString(p.resolve("cgroup"), "0::/\n");
    Files.writeString(p.resolve("loginuid"), "4294967295");
    Files.writeString(p.resolve("limits"),
        "Max open files            1024                 524288               files\n");
    Files.createSymbolicLink(p.resolve("cwd"), Path.of("/srv/www"));
    Files.createSymbolicLink(p.resolve("exe"), Path.of("/usr/sbin/nginx"));
    return p;
  }
}
