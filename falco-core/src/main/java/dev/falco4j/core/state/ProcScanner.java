package dev.falco4j.core.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Seeds the state from a {@code /proc} tree before live capture starts, so that events of processes
 * that were already running have names, parents, users, working directories and open files.
 * Processes vanish while the scan runs: a thread whose files disappear is skipped, never an error.
 * The root is a parameter so tests can scan a fixture tree.
 */
public final class ProcScanner {

  private final Path procRoot;
  private long skipped;

  /** A scanner of the given proc mount (normally {@code /proc}). */
  public ProcScanner(Path procRoot) {
    this.procRoot = procRoot;
  }

  /** Threads skipped because they vanished or could not be read during the last scan. */
  public long skippedCount() {
    return skipped;
  }

  /**
   * Scans every process and thread into the state.
   *
   * @param bootTimeNs host boot time in ns since the epoch, to turn start times into timestamps
   *     (0 when unknown: start times are then left at 0)
   * @return the number of threads added
   */
  public int scanInto(SystemState state, long bootTimeNs) throws IOException {
    skipped = 0;
    int added = 0;
    long ticksPerSecond = 100; // USER_HZ on every Linux architecture Falco supports
    try (DirectoryStream<Path> procs = Files.newDirectoryStream(procRoot)) {
      for (Path procDir : procs) {
        long pid = numericName(procDir);
        if (pid < 0) {
          continue;
        }
        List<Long> tids = new ArrayList<>();
        Path taskDir = procDir.resolve("task");
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(taskDir)) {
          for (Path t : tasks) {
            long tid = numericName(t);
            if (tid >= 0) {
              tids.add(tid);
            }
          }
        } catch (IOException e) {
          tids.add(pid); // no task dir (fixture or old kernel): the process itself
        }
        for (long tid : tids) {
          Path dir = tid == pid ? procDir : taskDir.resolve(Long.toString(tid));
          ThreadInfo t = readThread(state, dir, procDir, tid, pid, bootTimeNs, ticksPerSecond);
          if (t == null) {
            skipped++;
            continue;
          }
          if (tid == pid) {
            readFds(state, procDir, t);
          }
          if (state.addSeededThread(t)) {
            added++;
          }
        }
      }
    }
    state.finishSeeding();
    return added;
  }

  private ThreadInfo readThread(SystemState state, Path dir, Path procDir, long tid, long pid,
      long bootTimeNs, long hz) {
    try {
      String stat = readString(dir.resolve("stat"));
      if (stat == null) {
        return null;
      }
      ThreadInfo t = state.threads().newThread(tid);
      t.pid = pid;
      // comm is inside parentheses and may contain spaces or ')'; fields follow the last ')'.
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (open < 0 || close < open) {
        return null;
      }
      t.comm = stat.substring(open + 1, close);
      String[] f = stat.substring(close + 2).trim().split(" ");
      // f[0]=state f[1]=ppid f[2]=pgrp f[3]=session f[4]=tty_nr ... f[19]=starttime
      t.ptid = parseLong(f, 1);
      t.pgid = parseLong(f, 2);
      t.vpgid = t.pgid;
      t.sid = parseLong(f, 3);
      t.tty = (int) parseLong(f, 4);
      long startTicks = parseLong(f, 19);
      if (bootTimeNs > 0 && startTicks > 0) {
        t.cloneTs = bootTimeNs + startTicks * (1_000_000_000L / hz);
      }
      t.pfMinor = parseLong(f, 7);
      t.pfMajor = parseLong(f, 9);
      readStatus(dir.resolve("status"), t);
      String[] argv = readNulList(procDir.resolve("cmdline"));
      if (argv.length > 0) {
        t.exe = argv[0];
        String[] rest = new String[argv.length - 1];
        System.arraycopy(argv, 1, rest, 0, rest.length);
        t.argv = rest;
      } else {
        t.exe = t.comm;
      }
      t.env = readNulList(procDir.resolve("environ"));
      t.exePath = readLink(procDir.resolve("exe"));
      t.cwd = PathResolver.asDirectory(readLink(procDir.resolve("cwd")));
      String root = readLink(procDir.resolve("root"));
      t.root = root.isEmpty() ? "/" : root;
      String login = readString(procDir.resolve("loginuid"));
      t.loginUid = login == null ? -1 : (int) Long.parseLong(login.trim());
      t.cgroups = readCgroups(dir.resolve("cgroup"));
      String limits = readString(procDir.resolve("limits"));
      t.fdLimit = parseOpenFilesLimit(limits);
      return t;
    } catch (IOException | RuntimeException e) {
      // The process exited mid-scan or a file is unreadable: skip this thread (counted).
      return null;
    }
  }

  private static void readStatus(Path status, ThreadInfo t) throws IOException {
    String text = readString(status);
    if (text == null) {
      return;
    }
    for (String line : text.split("\n")) {
      if (line.startsWith("Uid:")) {
        String[] v = line.substring(4).trim().split("\\s+");
        t.uid = (int) Long.parseLong(v.length > 1 ? v[1] : v[0]); // effective uid, as Falco
      } else if (line.startsWith("Gid:")) {
        String[] v = line.substring(4).trim().split("\\s+");
        t.gid = (int) Long.parseLong(v.length > 1 ? v[1] : v[0]);
      } else if (line.startsWith("NSpid:")) {
        String[] v = line.substring(6).trim().split("\\s+");
        t.vtid = Long.parseLong(v[v.length - 1]);
      } else if (line.startsWith("NStgid:")) {
        String[] v = line.substring(7).trim().split("\\s+");
        t.vpid = Long.parseLong(v[v.length - 1]);
      } else if (line.startsWith("VmSize:")) {
        t.vmSizeKb = kb(line);
      } else if (line.startsWith("VmRSS:")) {
        t.vmRssKb = kb(line);
      } else if (line.startsWith("VmSwap:")) {
        t.vmSwapKb = kb(line);
      } else if (line.startsWith("CapInh:")) {
        t.capInheritable = Long.parseUnsignedLong(line.substring(7).trim(), 16);
      } else if (line.startsWith("CapPrm:")) {
        t.capPermitted = Long.parseUnsignedLong(line.substring(7).trim(), 16);
      } else if (line.startsWith("CapEff:")) {
        t.capEffective = Long.parseUnsignedLong(line.substring(7).trim(), 16);
      }
    }
  }

  private static long kb(String line) {
    String[] v = line.substring(line.indexOf(':') + 1).trim().split("\\s+");
    return Long.parseLong(v[0]);
  }

  private void readFds(SystemState state, Path procDir, ThreadInfo t) {
    try (DirectoryStream<Path> fds = Files.newDirectoryStream(procDir.resolve("fd"))) {
      for (Path fdLink : fds) {
        long fd = numericName(fdLink);
        if (fd < 0) {
          continue;
        }
        String target;
        try {
          target = Files.readSymbolicLink(fdLink).toString();
        } catch (IOException e) {
          continue;
        }
        FdInfo info = state.fdPool().acquire(fd, FdType.UNSUPPORTED);
        classifyLink(target, info);
        FdInfo rejected = t.fds.put(info);
        if (rejected == info) {
          state.fdPool().release(info);
        }
      }
    } catch (IOException e) {
      // No permission or process gone: the thread keeps an empty fd table.
    }
  }

  /** Maps a {@code /proc/PID/fd} link target to an fd type and name, as Falco names them. */
  static void classifyLink(String target, FdInfo info) {
    if (target.startsWith("/")) {
      info.type = FdType.FILE;
      info.name = target;
      info.l4proto = FdInfo.L4_NA;
    } else if (target.startsWith("pipe:")) {
      info.type = FdType.FIFO;
      info.ino = bracketNumber(target);
      info.name = "";
    } else if (target.startsWith("socket:")) {
      // The tuple needs /proc/net parsing; until then the socket is known by its inode.
      info.type = FdType.UNIX_SOCK;
      info.ino = bracketNumber(target);
      info.name = "";
    } else if (target.startsWith("anon_inode:")) {
      String kind = target.substring(11);
      info.name = target;
      switch (kind) {
        case "[eventfd]" -> info.type = FdType.EVENT;
        case "[signalfd]" -> info.type = FdType.SIGNALFD;
        case "[eventpoll]" -> info.type = FdType.EVENTPOLL;
        case "inotify" -> info.type = FdType.INOTIFY;
        case "[timerfd]" -> info.type = FdType.TIMERFD;
        case "[io_uring]" -> info.type = FdType.IOURING;
        case "[userfaultfd]" -> info.type = FdType.USERFAULTFD;
        case "[pidfd]" -> info.type = FdType.PIDFD;
        default -> info.type = kind.startsWith("bpf") ? FdType.BPF : FdType.UNSUPPORTED;
      }
    } else {
      info.type = FdType.UNSUPPORTED;
      info.name = target;
    }
  }

  private static long bracketNumber(String s) {
    int a = s.indexOf('[');
    int b = s.indexOf(']');
    if (a < 0 || b <= a + 1) {
      return 0;
    }
    try {
      return Long.parseLong(s.substring(a + 1, b));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String[] readCgroups(Path file) throws IOException {
    String text = readString(file);
    if (text == null) {
      return new String[0];
    }
    List<String> out = new ArrayList<>();
    for (String line : text.split("\n")) {
      // hierarchy-id:controller-list:path ; cgroup v2 has an empty controller list.
      int c1 = line.indexOf(':');
      int c2 = c1 < 0 ? -1 : line.indexOf(':', c1 + 1);
      if (c2 < 0) {
        continue;
      }
      String controllers = line.substring(c1 + 1, c2);
      String path = line.substring(c2 + 1);
      if (controllers.isEmpty()) {
        out.add("=" + path);
      } else {
        for (String ctl : controllers.split(",")) {
          out.add(ctl + "=" + path);
        }
      }
    }
    return out.toArray(new String[0]);
  }

  private static long parseOpenFilesLimit(String limits) {
    if (limits == null) {
      return 0;
    }
    for (String line : limits.split("\n")) {
      if (line.startsWith("Max open files")) {
        String[] v = line.substring(14).trim().split("\\s+");
        try {
          return Long.parseLong(v[0]);
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  private static long parseLong(String[] f, int i) {
    if (i >= f.length) {
      return 0;
    }
    try {
      return Long.parseLong(f[i]);
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static long numericName(Path p) {
    String n = p.getFileName().toString();
    if (n.isEmpty() || n.length() > 18) {
      return -1;
    }
    for (int i = 0; i < n.length(); i++) {
      if (n.charAt(i) < '0' || n.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(n);
  }

  private static String readString(Path p) throws IOException {
    try {
      return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  private static String readLink(Path p) {
    try {
      return Files.readSymbolicLink(p).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return "";
    }
  }

  private static String[] readNulList(Path p) {
    byte[] data;
    try {
      data = Files.readAllBytes(p);
    } catch (IOException e) {
      return new String[0];
    }
    return NulList.split(data, 0, data.length);
  }
}
