package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcScannerTest {

  private static final String ID =
      "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";

  @TempDir Path proc;

  @Test
  void seedsThreadsFdsAndContainersFromAProcTree() throws IOException {
    Path p = process(100, 1, "nginx: worker", "nginx\0-g\0daemon off;\0",
        "HOME=/root\0PATH=/bin\0", "0::/system.slice/docker-" + ID + ".scope\n");
    Files.createSymbolicLink(p.resolve("fd/0"), Path.of("/dev/null"));
    Files.createSymbolicLink(p.resolve("fd/3"), Path.of("socket:[12345]"));
    Files.createSymbolicLink(p.resolve("fd/4"), Path.of("pipe:[777]"));
    Files.createSymbolicLink(p.resolve("fd/5"), Path.of("anon_inode:[eventfd]"));
    Files.createSymbolicLink(p.resolve("fd/6"), Path.of("anon_inode:inotify"));
    // a second thread of the same process
    Path task = p.resolve("task/101");
    Files.createDirectories(task);
    Files.writeString(task.resolve("stat"), "101 (worker thread) S 1 100 100 0 -1 0 0 0 0 0 0 0 0 0"
        + " 20 0 2 0 500 0 0");
    Files.writeString(task.resolve("status"), "Uid:\t33\t33\t33\t33\nGid:\t33\t33\t33\t33\n");
    Files.writeString(task.resolve("cgroup"), "0::/system.slice/docker-" + ID + ".scope\n");
    // a process that vanished: directory without stat
    Files.createDirectories(proc.resolve("200"));
    Files.createDirectories(proc.resolve("self-not-a-pid"));

    SystemState state = new SystemState();
    ProcScanner scanner = new ProcScanner(proc);
    int added = scanner.scanInto(state, 1_000_000_000_000L);

    assertThat(added).isEqualTo(2);
    assertThat(scanner.skippedCount()).isEqualTo(1);
    ThreadInfo main = state.thread(100);
    assertThat(main.comm()).isEqualTo("nginx: worker");
    assertThat(main.exe()).isEqualTo("nginx");
    assertThat(main.args()).isEqualTo("-g daemon off;");
    assertThat(main.ptid()).isEqualTo(1);
    assertThat(main.sid()).isEqualTo(100);
    assertThat(main.uid()).isEqualTo(33);
    assertThat(main.loginUid()).isEqualTo(-1);
    assertThat(main.envValue("HOME")).isEqualTo("/root");
    assertThat(main.cwd()).isEqualTo("/srv/www/");
    assertThat(main.exePath()).isEqualTo("/usr/sbin/nginx");
    assertThat(main.cloneTs()).isEqualTo(1_000_000_000_000L + 500 * 10_000_000L);
    assertThat(main.containerId()).isEqualTo(ID.substring(0, 12));
    assertThat(state.containers().get(ID.substring(0, 12)).type()).isEqualTo(ContainerType.DOCKER);
    assertThat(main.fdLimit()).isEqualTo(1024);

    FdTable fds = main.fds();
    assertThat(fds.size()).isEqualTo(5);
    assertThat(fds.get(0).type()).isEqualTo(FdType.FILE);
    assertThat(fds.get(0).name()).isEqualTo("/dev/null");
    assertThat(fds.get(3).ino()).isEqualTo(12345);
    assertThat(fds.get(4).type()).isEqualTo(FdType.FIFO);
    assertThat(fds.get(5).type()).isEqualTo(FdType.EVENT);
    assertThat(fds.get(6).type()).isEqualTo(FdType.INOTIFY);

    ThreadInfo worker = state.thread(101);
    assertThat(worker.pid()).isEqualTo(100);
    assertThat(worker.comm()).isEqualTo("worker thread");
    assertThat(worker.fds()).isSameAs(fds);
    assertThat(worker.cwd()).isEqualTo("/srv/www/");
    assertThat(main.threadCount()).isEqualTo(2);
  }

  @Test
  void scansTheRealProcAndFindsThisJvm() throws IOException {
    Path real = Path.of("/proc");
    org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(real.resolve("self/task")));
    SystemState state = new SystemState();
    new ProcScanner(real).scanInto(state, 0);
    long me = ProcessHandle.current().pid();
    ThreadInfo self = state.thread(me);
    assertThat(self).isNotNull();
    assertThat(self.exePath()).endsWith("java");
    assertThat(self.threadCount()).isGreaterThan(1);
    assertThat(self.fds().size()).isGreaterThan(2);
  }

  private Path process(long pid, long ppid, String comm, String cmdline, String environ,
      String cgroup) throws IOException {
    Path p = proc.resolve(Long.toString(pid));
    Files.createDirectories(p.resolve("fd"));
    Files.createDirectories(p.resolve("task/" + pid));
    Files.writeString(p.resolve("stat"), pid + " (" + comm + ") S " + ppid + " " + pid + " " + pid
        + " 0 -1 4194560 10 0 2 0 1 1 0 0 20 0 1 0 500 1000 10");
    Files.writeString(p.resolve("status"),
        "Name:\tx\nUid:\t33\t33\t33\t33\nGid:\t33\t33\t33\t33\nNSpid:\t" + pid + "\nNStgid:\t"
            + pid + "\nVmSize:\t  1000 kB\nCapEff:\t0000000000000000\n");
    Files.write(p.resolve("cmdline"), cmdline.getBytes(StandardCharsets.UTF_8));
    Files.write(p.resolve("environ"), environ.getBytes(StandardCharsets.UTF_8));
    Files.writeString(p.resolve("cgroup"), cgroup);
    Files.writeString(p.resolve("loginuid"), "4294967295");
    Files.writeString(p.resolve("limits"),
        "Limit                     Soft Limit           Hard Limit           Units\n"
            + "Max open files            1024                 524288               files\n");
    Files.createSymbolicLink(p.resolve("cwd"), Path.of("/srv/www"));
    Files.createSymbolicLink(p.resolve("exe"), Path.of("/usr/sbin/nginx"));
    return p;
  }
}
