package dev.falco4j.probe.internal;

import dev.falco4j.core.event.spi.GroupSnapshot;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.MachineInfo;
import dev.falco4j.core.event.spi.UserSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the live source knows about the host before its first event: machine (from /proc) and the
 * users and groups of /etc/passwd and /etc/group. Threads and fds are not listed here: the state
 * tracker scans /proc itself ({@code dev.falco4j.core.state.ProcScanner}) after capture has started,
 * so no process created in between is missed. The root is a parameter so tests can use a fixture.
 */
public final class HostSnapshot {

  private HostSnapshot() {}

  /** Reads the snapshot below {@code root} (normally "/"); missing files give empty parts. */
  public static InitialState read(Path root, int cpus) throws IOException {
    MachineInfo machine =
        new MachineInfo(
            cpus,
            memTotalBytes(root.resolve("proc/meminfo")),
            firstLong(root.resolve("proc/sys/kernel/pid_max"), 0),
            firstLine(root.resolve("proc/sys/kernel/hostname"), ""),
            bootTimeNs(root.resolve("proc/stat")),
            0,
            0,
            0);
    return new InitialState(
        machine,
        List.of(),
        List.of(),
        users(root.resolve("etc/passwd")),
        groups(root.resolve("etc/group")),
        List.of());
  }

  static List<UserSnapshot> users(Path passwd) throws IOException {
    List<UserSnapshot> out = new ArrayList<>();
    for (String line : lines(passwd)) {
      String[] f = line.split(":", -1);
      if (f.length < 7 || line.startsWith("#")) {
        continue;
      }
      try {
        out.add(new UserSnapshot(
            (int) Long.parseLong(f[2]), (int) Long.parseLong(f[3]), f[0], f[5], f[6]));
      } catch (NumberFormatException e) {
        // a malformed entry (NIS "+" lines, typos) names no user: skip it, like getpwent does
      }
    }
    return out;
  }

  static List<GroupSnapshot> groups(Path group) throws IOException {
    List<GroupSnapshot> out = new ArrayList<>();
    for (String line : lines(group)) {
      String[] f = line.split(":", -1);
      if (f.length < 3 || line.startsWith("#")) {
        continue;
      }
      try {
        out.add(new GroupSnapshot((int) Long.parseLong(f[2]), f[0]));
      } catch (NumberFormatException e) {
        // skipped, see users()
      }
    }
    return out;
  }

  private static List<String> lines(Path file) throws IOException {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return List.of();
    }
  }

  private static String firstLine(Path file, String otherwise) throws IOException {
    List<String> l = lines(file);
    return l.isEmpty() ? otherwise : l.get(0).trim();
  }

  private static long firstLong(Path file, long otherwise) throws IOException {
    try {
      return Long.parseLong(firstLine(file, "").trim());
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  private static long memTotalBytes(Path meminfo) throws IOException {
    for (String line : lines(meminfo)) {
      if (line.startsWith("MemTotal:")) {
        String[] f = line.substring(9).trim().split("\\s+");
        try {
          return Long.parseLong(f[0]) * 1024;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }

  private static long bootTimeNs(Path stat) throws IOException {
    for (String line : lines(stat)) {
      if (line.startsWith("btime ")) {
        try {
          return Long.parseLong(line.substring(6).trim()) * 1_000_000_000L;
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 0;
  }
}
