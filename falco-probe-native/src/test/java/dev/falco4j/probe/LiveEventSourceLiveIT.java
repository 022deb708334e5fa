package dev.falco4j.probe;

import static dev.falco4j.probe.LiveWorkload.drain;
import static dev.falco4j.probe.LiveWorkload.one;
import static dev.falco4j.probe.LiveWorkload.realPython;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver-test shape on the live probe: a child process opens a uniquely named file for writing and
 * for reading, connects to a loopback listener, forks and execs {@code /bin/true} with a unique
 * argument, and exits; every event it causes is asserted with its parameters.
 */
@Tag("live")
@ExtendWith(LiveProbeExtension.class)
class LiveEventSourceLiveIT {

  private static final String WORKLOAD =
      String.join(
          "\n",
          "import os, socket, sys",
          "path, port, uniq = sys.argv[1], int(sys.argv[2]), sys.argv[3]",
          "w = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o640)",
          "os.write(w, b'x')",
          "os.close(w)",
          "r = os.open(path, os.O_RDONLY)",
          "os.close(r)",
          "s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)",
          "s.connect(('127.0.0.1', port))",
          "lport = s.getsockname()[1]",
          "sfd = s.fileno()",
          "pid = os.fork()",
          "if pid == 0:",
          "    os.execv('/bin/true', ['/bin/true', uniq])",
          "os.waitpid(pid, 0)",
          "s.close()",
          "print(w, r, sfd, lport, pid, flush=True)",
          "");

  // PPM file_flags (flags-table.tsv)
  private static final int O_RDONLY = 0x1;
  private static final int O_WRONLY = 0x2;
  private static final int O_CREAT = 0x4;
  private static final int O_TRUNC = 0x100;
  private static final int O_CLOEXEC = 0x1000;
  private static final int O_F_CREATED = 0x4000;

  @Test
  void childLifecycleFileAndNetworkEventsArriveWithTheirParams(LiveEventSource source, @TempDir Path dir)
      throws Exception {
    Path python = realPython();
    Path script = dir.resolve("workload.py");
    Files.writeString(script, WORKLOAD);
    String unique = "f4j-live-" + System.nanoTime();
    Path file = dir.resolve(unique + ".txt");

    List<EventView> events = new ArrayList<>();
    String[] report;
    long pyPid;
    try (ServerSocket listener = new ServerSocket(0, 8, InetAddress.getLoopbackAddress())) {
      drain(source, events, 200); // whatever was queued before the workload
      events.clear();
      Process py =
          new ProcessBuilder(
                  python.toString(), script.toString(), file.toString(),
                  Integer.toString(listener.getLocalPort()), unique)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .start();
      pyPid = py.pid();
      String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(py.waitFor()).as("workload output: %s", out).isZero();
      report = out.split("\\s+");
      long deadline = System.nanoTime() + 10_000_000_000L;
      final long pid = pyPid;
      while (System.nanoTime() < deadline
          && events.stream().noneMatch(e -> e.type() == EventType.PROCEXIT_1_E && e.threadId() == pid)) {
        drain(source, events, 100);
      }
      int port = listener.getLocalPort();
      long wfd = Long.parseLong(report[0]);
      long rfd = Long.parseLong(report[1]);
      long sfd = Long.parseLong(report[2]);
      int lport = Integer.parseInt(report[3]);
      long child = Long.parseLong(report[4]);

      // --- open for writing, then for reading: openat exit (307), 7 params
      long ino = (Long) Files.getAttribute(file, "unix:ino");
      long dev = (Long) Files.getAttribute(file, "unix:dev");
      EventView wopen = one(events, e -> e.type() == EventType.OPENAT_2_X && e.threadId() == pid
          && e.paramAsString(e.paramIndex("name")).equals(file.toString())
          && (e.paramAsLong(e.paramIndex("flags")) & O_WRONLY) != 0);
      assertThat(wopen.paramCount()).isEqualTo(7);
      assertThat(wopen.paramAsLong(wopen.paramIndex("fd"))).isEqualTo(wfd);
      assertThat(wopen.paramAsLong(wopen.paramIndex("dirfd"))).isEqualTo(-100); // AT_FDCWD
      // Python opens with O_CLOEXEC (PEP 446): mask it out
      assertThat(wopen.paramAsLong(wopen.paramIndex("flags")) & ~O_CLOEXEC)
          .isEqualTo(O_WRONLY | O_CREAT | O_TRUNC | O_F_CREATED);
      assertThat(wopen.paramAsLong(wopen.paramIndex("mode"))).isEqualTo(0640);
      assertThat(wopen.paramAsLong(wopen.paramIndex("ino"))).isEqualTo(ino);
      assertThat(wopen.paramAsLong(wopen.paramIndex("dev")) & 0xFFFFFFFFL).isEqualTo(dev);

      EventView ropen = one(events, e -> e.type() == EventType.OPENAT_2_X && e.threadId() == pid
          && e.paramAsString(e.paramIndex("name")).equals(file.toString())
          && (e.paramAsLong(e.paramIndex("flags")) & O_WRONLY) == 0);
      assertThat(ropen.paramAsLong(ropen.paramIndex("fd"))).isEqualTo(rfd);
      assertThat(ropen.paramAsLong(ropen.paramIndex("flags")) & ~O_CLOEXEC).isEqualTo(O_RDONLY);
      assertThat(ropen.paramAsLong(ropen.paramIndex("mode"))).isZero();
      assertThat(ropen.paramAsLong(ropen.paramIndex("ino"))).isEqualTo(ino);

      // --- both closed: close exit (5) res, fd; the read open comes after the write close
      EventView wclose = firstAfter(events, wopen, e -> e.type() == EventType.CLOSE_X
          && e.threadId() == pid && e.paramAsLong(1) == wfd);
      assertThat(wclose.paramAsLong(0)).isZero();
      assertThat(wclose.timestamp()).isLessThanOrEqualTo(ropen.timestamp());
      EventView rclose = firstAfter(events, ropen, e -> e.type() == EventType.CLOSE_X
          && e.threadId() == pid && e.paramAsLong(1) == rfd);
      assertThat(rclose.paramAsLong(0)).isZero();

      // --- socket (19) and connect (23) to the loopback listener
      EventView sock = firstAfter(events, rclose, e -> e.type() == EventType.SOCKET_X
          && e.threadId() == pid && e.paramAsLong(0) == sfd);
      assertThat(sock.paramAsLong(sock.paramIndex("domain"))).isEqualTo(2); // AF_INET
      assertThat(sock.paramAsLong(sock.paramIndex("type")) & 0xF).isEqualTo(1); // SOCK_STREAM
      EventView conn = firstAfter(events, sock, e -> e.type() == EventType.CONNECT_X && e.threadId() == pid);
      assertThat(conn.paramAsLong(conn.paramIndex("res"))).isZero();
      assertThat(conn.paramAsLong(conn.paramIndex("fd"))).isEqualTo(sfd);
      assertThat(conn.socktuple(conn.paramIndex("tuple")).toString())
          .isEqualTo("127.0.0.1:" + lport + "->127.0.0.1:" + port);
      assertThat(conn.sockaddr(conn.paramIndex("addr")).port()).isEqualTo(port);
      assertThat(conn.sockaddr(conn.paramIndex("addr")).ipv4()).isEqualTo(0x7F000001);

      // --- fork: clone exit in the parent (res = child) and in the child (res = 0)
      EventView parentClone = one(events, e -> isFork(e) && e.threadId() == pid
          && e.paramAsLong(0) == child);
      assertThat(parentClone.paramAsLong(parentClone.paramIndex("tid"))).isEqualTo(pid);
      assertThat(parentClone.paramAsLong(parentClone.paramIndex("pid"))).isEqualTo(pid);
      assertThat(parentClone.paramAsLong(parentClone.paramIndex("ptid")))
          .isEqualTo(ProcessHandle.current().pid());
      assertThat(parentClone.paramAsString(parentClone.paramIndex("cwd"))).isEqualTo(dir.toRealPath().toString());
      assertThat(parentClone.paramAsString(parentClone.paramIndex("comm"))).startsWith("python");
      assertThat(parentClone.paramAsString(parentClone.paramIndex("exe"))).isEqualTo(python.toString());
      assertThat(new String(parentClone.paramBytes(parentClone.paramIndex("args")), StandardCharsets.UTF_8))
          .contains(script.toString()).contains(unique);
      assertThat(parentClone.paramCount()).isEqualTo(21);
      // mm counters (read per kernel layout): an interpreter that ran for a while has resident pages
      // (the kernel's counter is approximate: per-CPU batches are not folded in, so a process
      // that just exec'd can still read 0, in /proc/PID/status as here)
      assertThat(parentClone.paramAsLong(parentClone.paramIndex("vm_rss"))).isPositive()
          .isLessThanOrEqualTo(parentClone.paramAsLong(parentClone.paramIndex("vm_size")));
      assertThat(parentClone.paramAsLong(parentClone.paramIndex("vm_swap"))).isNotNegative();
      EventView childClone = one(events, e -> isFork(e) && e.threadId() == child);
      assertThat(childClone.paramAsLong(0)).isZero();
      assertThat(childClone.paramAsLong(childClone.paramIndex("tid"))).isEqualTo(child);
      assertThat(childClone.paramAsLong(childClone.paramIndex("ptid"))).isEqualTo(pid);

      // --- exec of /bin/true in the child: execve exit (293), 31 params
      EventView exec = one(events, e -> e.type() == EventType.EXECVE_19_X && e.threadId() == child);
      Path realTrue = Path.of("/bin/true").toRealPath();
      assertThat(exec.paramCount()).isEqualTo(31);
      assertThat(exec.paramAsLong(exec.paramIndex("res"))).isZero();
      assertThat(exec.paramAsString(exec.paramIndex("exe"))).isEqualTo("/bin/true");
      assertThat(exec.paramBytes(exec.paramIndex("args")))
          .isEqualTo((unique + "\0").getBytes(StandardCharsets.UTF_8));
      assertThat(exec.paramAsLong(exec.paramIndex("tid"))).isEqualTo(child);
      assertThat(exec.paramAsLong(exec.paramIndex("pid"))).isEqualTo(child);
      assertThat(exec.paramAsLong(exec.paramIndex("ptid"))).isEqualTo(pid);
      assertThat(exec.paramAsString(exec.paramIndex("cwd"))).isEqualTo(dir.toRealPath().toString());
      assertThat(exec.paramAsLong(exec.paramIndex("fdlimit"))).isPositive();
      assertThat(exec.paramAsString(exec.paramIndex("comm"))).isEqualTo("true");
      assertThat(exec.paramAsLong(exec.paramIndex("vm_size"))).isPositive();
      assertThat(exec.paramAsLong(exec.paramIndex("vm_rss")))
          .isLessThanOrEqualTo(exec.paramAsLong(exec.paramIndex("vm_size")));
      assertThat(exec.paramAsString(exec.paramIndex("env"))).isNotEmpty();
      assertCgroupsLikeProcSelf(new String(exec.paramBytes(exec.paramIndex("cgroups")), StandardCharsets.UTF_8));
      assertThat(exec.paramAsLong(exec.paramIndex("uid")))
          .isEqualTo(((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue());
      assertThat(exec.paramAsLong(exec.paramIndex("cap_effective"))).isNotZero(); // root
      assertThat(exec.paramAsLong(exec.paramIndex("exe_ino")))
          .isEqualTo((Long) Files.getAttribute(realTrue, "unix:ino"));
      // inode times (read per kernel layout) to the nanosecond, as stat reports them
      assertThat(exec.paramAsLong(exec.paramIndex("exe_ino_mtime")))
          .isEqualTo(epochNanos(Files.getLastModifiedTime(realTrue)));
      assertThat(exec.paramAsLong(exec.paramIndex("exe_ino_ctime")))
          .isEqualTo(epochNanos((java.nio.file.attribute.FileTime) Files.getAttribute(realTrue, "unix:ctime")));
      assertThat(exec.paramAsString(exec.paramIndex("trusted_exepath"))).isEqualTo(realTrue.toString());
      assertThat(exec.paramAsString(exec.paramIndex("filename"))).isEqualTo("/bin/true");
      assertThat(exec.timestamp()).isGreaterThan(childClone.timestamp());

      // --- both processes exit: procexit (186)
      EventView childExit = one(events, e -> e.type() == EventType.PROCEXIT_1_E && e.threadId() == child);
      assertThat(childExit.paramAsLong(childExit.paramIndex("status"))).isZero();
      assertThat(childExit.timestamp()).isGreaterThan(exec.timestamp());
      EventView pyExit = one(events, e -> e.type() == EventType.PROCEXIT_1_E && e.threadId() == pid);
      assertThat(pyExit.paramAsLong(pyExit.paramIndex("ret"))).isZero();

      // --- timestamps are wall-clock and the merge keeps them ordered
      long now = System.currentTimeMillis() * 1_000_000L;
      assertThat(wopen.timestamp()).isBetween(now - 60_000_000_000L, now + 1_000_000_000L);
      for (int i = 1; i < events.size(); i++) {
        if (events.get(i).threadId() == pid && events.get(i - 1).threadId() == pid) {
          assertThat(events.get(i).timestamp()).isGreaterThanOrEqualTo(events.get(i - 1).timestamp());
        }
      }
    }
    assertThat(source.stats().skippedMalformed()).isZero();
    assertThat(source.counters().totalDrops()).isZero();
  }

  @Test
  void ownProcessIsExcludedAndSelectionDropsUnselectedTypesInTheKernel(LiveEventSource source, @TempDir Path dir)
      throws Exception {
    try {
      // an enter id selects its syscall too (the exit event answers), but only exit ids count as delivered
      assertThat(source.selectEventTypes(EventType.PROCEXIT_1_E, EventType.OPENAT_2_E)).isEqualTo(1);
      assertThat(source.selectEventTypes(EventType.PROCEXIT_1_E)).isEqualTo(1);
      List<EventView> events = new ArrayList<>();
      drain(source, events, 200);
      events.clear();
      Files.writeString(dir.resolve("own.txt"), "x"); // this JVM: excluded
      Process p = new ProcessBuilder("/bin/true").start();
      assertThat(p.waitFor()).isZero();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (System.nanoTime() < deadline
          && events.stream().noneMatch(e -> e.threadId() == p.pid())) {
        drain(source, events, 100);
      }
      assertThat(events).allMatch(e -> e.type() == EventType.PROCEXIT_1_E);
      assertThat(events).anyMatch(e -> e.threadId() == p.pid());
      assertThat(events).noneMatch(e -> e.threadId() == ProcessHandle.current().pid());
    } finally {
      source.selectEventTypes(ProbeEventTypes.dedicated());
    }
  }

  private static final String FS_WORKLOAD =
      String.join(
          "\n",
          "import os, socket, sys",
          "d, port, uniq = sys.argv[1], int(sys.argv[2]), sys.argv[3]",
          "a = os.path.join(d, uniq + '.a'); b = os.path.join(d, uniq + '.b'); l = os.path.join(d, uniq + '.l')",
          "open(a, 'w').close()",
          "os.rename(a, b)",
          "os.symlink(b, l)",
          "os.unlink(l)",
          "os.mkdir(a)",
          "os.rmdir(a)",
          "os.chmod(b, 0o600)",
          "u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)",
          "u.sendto(uniq.encode(), ('127.0.0.1', port))",
          "print(u.getsockname()[1], flush=True)",
          "");

  @Test
  void fileNameOperationsAndDatagramsArriveWithTheirParams(LiveEventSource source, @TempDir Path dir)
      throws Exception {
    Path python = realPython();
    Path script = dir.resolve("fs.py");
    Files.writeString(script, FS_WORKLOAD);
    String unique = "f4j-fs-" + System.nanoTime();
    String a = dir.resolve(unique + ".a").toString();
    String b = dir.resolve(unique + ".b").toString();
    String l = dir.resolve(unique + ".l").toString();
    List<EventView> events = new ArrayList<>();
    try (java.net.DatagramSocket udp = new java.net.DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      drain(source, events, 200);
      events.clear();
      Process py = new ProcessBuilder(python.toString(), script.toString(), dir.toString(),
              Integer.toString(udp.getLocalPort()), unique).redirectErrorStream(true).start();
      long pid = py.pid();
      String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      assertThat(py.waitFor()).as("workload output: %s", out).isZero();
      int lport = Integer.parseInt(out);
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (System.nanoTime() < deadline
          && events.stream().noneMatch(e -> e.type() == EventType.PROCEXIT_1_E && e.threadId() == pid)) {
        drain(source, events, 100);
      }
      List<EventView> mine = events.stream().filter(e -> e.threadId() == pid).toList();

      EventView rename = one(mine, e -> e.type() == EventType.RENAME_X || e.type() == EventType.RENAMEAT_X
          || e.type() == EventType.RENAMEAT2_X);
      assertThat(rename.paramAsLong(0)).isZero();
      assertThat(rename.paramAsString(rename.paramIndex("oldpath"))).isEqualTo(a);
      assertThat(rename.paramAsString(rename.paramIndex("newpath"))).isEqualTo(b);

      EventView symlink = one(mine, e -> e.type() == EventType.SYMLINK_X || e.type() == EventType.SYMLINKAT_X);
      assertThat(symlink.paramAsString(symlink.paramIndex("target"))).isEqualTo(b);
      assertThat(symlink.paramAsString(symlink.paramIndex("linkpath"))).isEqualTo(l);

      EventView unlink = one(mine, e -> (e.type() == EventType.UNLINK_2_X || e.type() == EventType.UNLINKAT_2_X)
          && e.paramAsString(e.paramIndex(e.type() == EventType.UNLINK_2_X ? "path" : "name")).equals(l));
      assertThat(unlink.paramAsLong(0)).isZero();

      EventView mkdir = one(mine, e -> e.type() == EventType.MKDIR_2_X || e.type() == EventType.MKDIRAT_X);
      assertThat(mkdir.paramAsString(mkdir.paramIndex("path"))).isEqualTo(a);
      assertThat(mkdir.paramAsLong(mkdir.paramIndex("mode"))).isEqualTo(0777);
      assertThat(mine).anyMatch(e -> (e.type() == EventType.RMDIR_2_X
              && e.paramAsString(e.paramIndex("path")).equals(a))
          || (e.type() == EventType.UNLINKAT_2_X && e.paramAsString(e.paramIndex("name")).equals(a)
              && e.paramAsLong(e.paramIndex("flags")) == 0x200));

      EventView chmod = one(mine, e -> e.type() == EventType.CHMOD_X || e.type() == EventType.FCHMODAT_X);
      assertThat(chmod.paramAsString(chmod.paramIndex("filename"))).isEqualTo(b);
      assertThat(chmod.paramAsLong(chmod.paramIndex("mode"))).isEqualTo(0600);

      EventView sendto = one(mine, e -> e.type() == EventType.SENDTO_X);
      assertThat(sendto.paramAsLong(sendto.paramIndex("res"))).isEqualTo(unique.length());
      assertThat(sendto.paramBytes(sendto.paramIndex("data"))).isEqualTo(unique.getBytes(StandardCharsets.UTF_8));
      assertThat(sendto.paramAsLong(sendto.paramIndex("size"))).isEqualTo(unique.length());
      // an unconnected UDP socket has no local address yet: the kernel picks one per datagram
      assertThat(sendto.socktuple(sendto.paramIndex("tuple")).toString())
          .isEqualTo("0.0.0.0:" + lport + "->127.0.0.1:" + udp.getLocalPort());
    }
  }

  @Test
  void selectingAllSyscallsBringsGenericEventsWithTheSyscallId(LiveEventSource source) throws Exception {
    try {
      source.selectAllSyscalls();
      List<EventView> events = new ArrayList<>();
      drain(source, events, 100);
      events.clear();
      Process p = new ProcessBuilder("/bin/uname", "-a").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      assertThat(p.waitFor()).isZero();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (System.nanoTime() < deadline
          && events.stream().noneMatch(e -> e.type() == EventType.PROCEXIT_1_E && e.threadId() == p.pid())) {
        drain(source, events, 100);
      }
      int unameNr = 63; // x86_64
      EventView uname = events.stream()
          .filter(e -> e.threadId() == p.pid() && e.type() == EventType.GENERIC_X && e.paramAsLong(1) == unameNr)
          .findFirst().orElseThrow(() -> new AssertionError("no generic uname event"));
      assertThat(uname.table().syscallName((int) uname.paramAsLong(0))).isEqualTo("uname");
    } finally {
      source.selectEventTypes(ProbeEventTypes.dedicated());
    }
  }

  @Test
  void everyDedicatedEventTypeIsAcceptedByTheShim(LiveEventSource source) throws Exception {
    int[] all = ProbeEventTypes.dedicated();
    assertThat(source.selectEventTypes(all)).isEqualTo(all.length);
  }

  /**
   * The child inherited this JVM's cgroups: every entry is "subsystem=/path", and the single-controller
   * v1 lines of /proc/self/cgroup reappear as they are.
   */
  private static void assertCgroupsLikeProcSelf(String param) throws IOException {
    String[] entries = param.split("\0");
    assertThat(entries).isNotEmpty().allMatch(e -> e.matches("[a-z_]+=/.*"));
    List<String> ours = List.of(entries);
    for (String line : Files.readAllLines(Path.of("/proc/self/cgroup"))) {
      String[] f = line.split(":", 3);
      if (f.length == 3 && f[1].matches("[a-z_]+") && ours.stream().anyMatch(e -> e.startsWith(f[1] + "="))) {
        assertThat(ours).contains(f[1] + "=" + f[2]);
      }
    }
  }

  private static long epochNanos(java.nio.file.attribute.FileTime t) {
    java.time.Instant i = t.toInstant();
    return i.getEpochSecond() * 1_000_000_000L + i.getNano();
  }

  private static boolean isFork(EventView e) {
    int t = e.type();
    return t == EventType.CLONE_20_X || t == EventType.CLONE3_X || t == EventType.FORK_20_X
        || t == EventType.VFORK_20_X;
  }

  private static EventView firstAfter(List<EventView> events, EventView after, Predicate<EventView> p) {
    int start = events.indexOf(after);
    for (int i = start + 1; i < events.size(); i++) {
      if (p.test(events.get(i))) {
        return events.get(i);
      }
    }
    throw new AssertionError("no matching event after " + after);
  }
}
