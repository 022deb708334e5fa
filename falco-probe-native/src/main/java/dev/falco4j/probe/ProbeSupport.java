package dev.falco4j.probe;

import dev.falco4j.probe.internal.NativeArtifacts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether live capture can work on this machine, and if not, why: checked before loading anything, so
 * a program can tell its user what is missing (root or CAP_BPF+CAP_PERFMON, kernel BTF, a kernel
 * recent enough, libbpf, a jar built with the probe). Never exits the process.
 *
 * <pre>{@code
 * ProbeSupport.Status s = ProbeSupport.check();
 * if (!s.supported()) { System.err.println("live capture unavailable: " + s.reason()); }
 * }</pre>
 */
public final class ProbeSupport {

  /**
   * Oldest kernel the probe loads on: bpf_loop (5.17) is the newest helper it uses. Kernel data
   * layouts that changed since (mm counters in 6.2, inode times in 6.6, 6.7 and 6.11, kernfs parent
   * in 6.15) are read through CO-RE fallbacks chosen at load time, which {@code CoreFallbackLiveIT}
   * loads and verifies against BTF of each older layout.
   */
  static final int MIN_MAJOR = 5;

  static final int MIN_MINOR = 17;

  private static final int CAP_SYS_ADMIN = 21;
  private static final int CAP_PERFMON = 38;
  private static final int CAP_BPF = 39;

  private static final String[] LIBRARY_DIRS = {
    "lib/x86_64-linux-gnu", "usr/lib/x86_64-linux-gnu", "lib64", "usr/lib64", "lib", "usr/lib"
  };

  private final Path root;
  private final String osName;
  private final String osArch;
  private final String osVersion;
  private final String nativeProblem;

  ProbeSupport(Path root, String osName, String osArch, String osVersion, String nativeProblem) {
    this.root = root;
    this.osName = osName;
    this.osArch = osArch;
    this.osVersion = osVersion;
    this.nativeProblem = nativeProblem;
  }

  /**
   * The verdict for live capture.
   *
   * @param supported true when nothing known is missing (loading can still fail; {@link
   *     ProbeException} then says why)
   * @param problems one sentence per missing piece, empty when supported
   */
  public record Status(boolean supported, List<String> problems) {

    /** Copies the list. */
    public Status {
      problems = List.copyOf(problems);
    }

    /** The problems joined into one message, or "supported". */
    public String reason() {
      return supported ? "supported" : String.join("; ", problems);
    }
  }

  /** Checks this machine and this jar. */
  public static Status check() {
    return new ProbeSupport(
            Path.of("/"),
            System.getProperty("os.name", ""),
            System.getProperty("os.arch", ""),
            System.getProperty("os.version", ""),
            NativeArtifacts.unavailableReason())
        .evaluate();
  }

  Status evaluate() {
    List<String> problems = new ArrayList<>();
    if (!osName.equals("Linux") || !(osArch.equals("amd64") || osArch.equals("x86_64"))) {
      problems.add(
          "live capture needs Linux on x86_64; this is " + osName + " on " + osArch);
      return new Status(false, problems);
    }
    if (nativeProblem != null) {
      problems.add(nativeProblem);
    }
    if (!kernelAtLeast(osVersion, MIN_MAJOR, MIN_MINOR)) {
      problems.add(
          "kernel " + osVersion + " is too old: the probe needs " + MIN_MAJOR + "." + MIN_MINOR
              + " or newer (BPF ring buffers, BTF tracepoints, bpf_loop)");
    }
    Path btf = root.resolve("sys/kernel/btf/vmlinux");
    if (!Files.isReadable(btf)) {
      problems.add(
          "the kernel exposes no BTF type information (" + btf
              + " missing or unreadable): it must be built with CONFIG_DEBUG_INFO_BTF=y");
    }
    String privilege = privilegeProblem();
    if (privilege != null) {
      problems.add(privilege);
    }
    for (String lib : new String[] {"libbpf.so.1", "libelf.so.1"}) {
      if (!libraryPresent(lib)) {
        problems.add(lib + " is not installed (Debian/Ubuntu: apt-get install "
            + (lib.startsWith("libbpf") ? "libbpf1" : "libelf1") + ")");
      }
    }
    return new Status(problems.isEmpty(), problems);
  }

  private boolean libraryPresent(String name) {
    for (String dir : LIBRARY_DIRS) {
      if (Files.exists(root.resolve(dir).resolve(name))) {
        return true;
      }
    }
    return false;
  }

  /** Null when the process may load BPF programs: effective uid 0, or CAP_BPF + CAP_PERFMON, or CAP_SYS_ADMIN. */
  private String privilegeProblem() {
    Path status = root.resolve("proc/self/status");
    long euid = -1;
    long capEff = 0;
    try {
      for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
        if (line.startsWith("Uid:")) {
          String[] f = line.substring(4).trim().split("\\s+");
          if (f.length > 1) {
            euid = Long.parseLong(f[1]);
          }
        } else if (line.startsWith("CapEff:")) {
          capEff = Long.parseUnsignedLong(line.substring(7).trim(), 16);
        }
      }
    } catch (IOException | NumberFormatException e) {
      return "cannot read the process credentials from " + status + ": " + e.getMessage();
    }
    boolean bpfCaps = (capEff & (1L << CAP_BPF)) != 0 && (capEff & (1L << CAP_PERFMON)) != 0;
    boolean admin = (capEff & (1L << CAP_SYS_ADMIN)) != 0;
    if (euid == 0 || bpfCaps || admin) {
      return null;
    }
    return "not permitted to load eBPF programs: run as root or grant CAP_BPF and CAP_PERFMON"
        + " (effective uid " + euid + ")";
  }

  /** True when a "major.minor[.patch][-suffix]" version is at least major.minor. */
  static boolean kernelAtLeast(String version, int major, int minor) {
    String[] parts = version.split("[.-]");
    try {
      int maj = Integer.parseInt(parts[0]);
      int min = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return maj > major || (maj == major && min >= minor);
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
