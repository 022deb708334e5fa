package dev.falco4j.examples.rules;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The props the live behaviours need: a directory of real programs under the names the rules look
 * for (a symlink's name becomes the process name, as for a replaced or renamed binary), a script
 * named like a web server, and a docker-style container made of cgroup directories.
 */
final class TestPrograms {
  /** Where the renamed programs live. */
  static final String DIR = "/tmp/f4j-rules-test";
  /** The "container" the container cases run in: docker's cgroup naming with this id. */
  static final String CONTAINER_ID = "f4a1c0de" + "0123456789abcdef".repeat(3) + "01234567";
  /** Loopback port of the listener the network cases connect to (not a mining port). */
  static final int LISTENER_PORT = 47123;
  /** A mining pool port (in f4j_mining_ports) with a loopback listener. */
  static final int MINING_PORT = 3333;

  // cgroup v1 (the pids controller) and the unified v2 hierarchy, where mounted
  private static final List<String> CGROUP_DIRS = List.of(
      "/sys/fs/cgroup/pids/docker/" + CONTAINER_ID,
      "/sys/fs/cgroup/unified/system.slice/docker-" + CONTAINER_ID + ".scope",
      "/sys/fs/cgroup/system.slice/docker-" + CONTAINER_ID + ".scope");

  private TestPrograms() {}

  /** Creates the directory of renamed programs and the container cgroups (root needed). */
  static void install() throws IOException {
    Path dir = Path.of(DIR);
    Files.createDirectories(dir);
    link(dir, "cat", "/bin/bash");      // an injected "cat" that talks to the network
    link(dir, "xmrig", "/bin/bash");    // a miner
    link(dir, "xinetd", "/bin/bash");   // a super-server handing a connection to a service
    link(dir, "nc", "/bin/true");       // netcat's command line is what the rule reads
    link(dir, "apt-get", "/bin/true");  // a package manager's name is what the rule reads
    link(dir, "useradd", "/bin/true");  // a user management tool's name is what the rule reads
    link(dir, "sshd", "/bin/cat");      // a trusted secret reader
    Path nginx = dir.resolve("nginx");
    Files.writeString(nginx, "#!/bin/sh\nls / > /dev/null\n");
    Files.setPosixFilePermissions(nginx, PosixFilePermissions.fromString("rwxr-xr-x"));
    for (String cg : CGROUP_DIRS) {
      Path p = Path.of(cg);
      if (Files.isDirectory(p.getParent().getParent()) || Files.isDirectory(p.getParent())) {
        try {
          Files.createDirectories(p);
        } catch (IOException e) {
          // that hierarchy is not writable here; the others may be
        }
      }
    }
  }

  /** Shell commands that move the current shell ({@code $$}) into the container's cgroups. */
  static String enterContainerCommand() {
    StringBuilder sb = new StringBuilder();
    for (String cg : CGROUP_DIRS) {
      sb.append("[ -d ").append(cg).append(" ] && echo $$ > ").append(cg).append("/cgroup.procs; ");
    }
    return sb.toString();
  }

  /** Removes the container cgroups (they must be empty by then) and the renamed programs. */
  static void uninstall() {
    for (String cg : CGROUP_DIRS) {
      try {
        Files.deleteIfExists(Path.of(cg));
      } catch (IOException e) {
        // still busy or never made: nothing to clean
      }
    }
    for (String name : List.of("cat", "xmrig", "xinetd", "nc", "apt-get", "useradd", "sshd", "nginx", "mnt")) {
      try {
        Files.deleteIfExists(Path.of(DIR, name));
      } catch (IOException e) {
        // a leftover in /tmp is harmless
      }
    }
  }

  private static void link(Path dir, String name, String target) throws IOException {
    Path l = dir.resolve(name);
    Files.deleteIfExists(l);
    Files.createSymbolicLink(l, Path.of(target));
  }
}
