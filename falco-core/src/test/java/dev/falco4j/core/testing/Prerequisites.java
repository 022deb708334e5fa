package dev.falco4j.core.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for tests that need something outside the JVM (sysdig, root, eBPF). Outside CI a missing
 * prerequisite skips the test with the reason; under CI ({@code CI=true} in the environment, passed
 * as {@code falco4j.ci}) it fails the test, because CI must run everything.
 */
public final class Prerequisites {

  private Prerequisites() {}

  /** True when running under CI, where nothing may skip silently. */
  public static boolean underCi() {
    String ci = System.getProperty("falco4j.ci");
    if (ci == null || ci.isBlank() || ci.startsWith("${")) {
      ci = System.getenv("CI");
    }
    return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
  }

  /** Skips (or, under CI, fails) the calling test unless {@code condition} holds. */
  public static void require(boolean condition, String whatIsMissing) {
    if (condition) {
      return;
    }
    if (underCi()) {
      throw new AssertionError("prerequisite missing under CI=true: " + whatIsMissing);
    }
    Assumptions.abort("skipped: " + whatIsMissing);
  }

  /** Path of the sysdig binary, requiring it to be installed. */
  public static Path sysdig() {
    Path found = onPath("sysdig");
    require(found != null, "sysdig is not installed (apt-get install sysdig; scripts/setup.sh does it)");
    return found;
  }

  /** Requires the tests to run as root. */
  public static void requireRoot() {
    require("root".equals(System.getProperty("user.name")), "the test needs root (for eBPF)");
  }

  /** Finds an executable on PATH, or null. */
  public static Path onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    for (String dir : new String[] {"/usr/bin", "/usr/sbin", "/bin", "/sbin"}) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
