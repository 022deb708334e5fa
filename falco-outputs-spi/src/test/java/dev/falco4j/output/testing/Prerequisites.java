package dev.falco4j.output.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * Guards for tests that need a program outside the JVM (rsyslogd, logger). Same semantics as
 * falco-core's {@code Prerequisites}, which this module cannot use (falco-core depends on it): a
 * missing prerequisite skips the test, but under CI ({@code CI=true}, passed as {@code falco4j.ci})
 * it fails, because CI must run everything.
 */
public final class Prerequisites {
  private Prerequisites() {}

  /** True under CI. */
  public static boolean underCi() {
    String ci = System.getProperty("falco4j.ci");
    if (ci == null || ci.isBlank() || ci.startsWith("${")) {
      ci = System.getenv("CI");
    }
    return ci != null && (ci.equalsIgnoreCase("true") || ci.equals("1"));
  }

  /** Skips (outside CI) or fails (under CI) unless {@code condition} holds. */
  public static void require(boolean condition, String whatIsMissing) {
    if (condition) {
      return;
    }
    if (underCi()) {
      throw new AssertionError("prerequisite missing under CI=true: " + whatIsMissing);
    }
    Assumptions.abort("skipped: " + whatIsMissing);
  }

  /** The path of an executable, requiring it. */
  public static Path executable(String name, String installHint) {
    Path found = onPath(name);
    require(found != null, name + " is not installed (" + installHint + ")");
    return found;
  }

  /** Finds an executable on PATH or in the usual sbin/bin directories, or null. */
  public static Path onPath(String name) {
    String path = System.getenv("PATH");
    String dirs = (path == null ? "" : path) + ":/usr/local/sbin:/usr/sbin:/sbin:/usr/bin:/bin";
    for (String dir : dirs.split(":")) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return null;
  }
}
