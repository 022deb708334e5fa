package dev.falco4j.core.scap;

import dev.falco4j.core.testing.Prerequisites;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Debian's sysdig 0.29.3 on a trace for the differential tests. */
final class Sysdig {

  /** Marks the start of each event's output so values with newlines cannot split records. */
  static final String MARK = "@@F4J@@ ";

  private Sysdig() {}

  /** Raw stdout of {@code sysdig ARGS}; fails on a non-zero exit or after 120 s. */
  static String run(List<String> args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Prerequisites.sysdig().toString());
    cmd.addAll(args);
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("sysdig timed out: " + cmd);
    }
    if (p.exitValue() != 0) {
      throw new IOException("sysdig exited with " + p.exitValue() + ": " + cmd);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One record per event shown by {@code sysdig -D -r FILE -p '*MARK FORMAT'}. */
  static List<String> records(Path trace, String format) throws IOException, InterruptedException {
    String out = run(List.of("-D", "-r", trace.toString(), "-p", "*" + MARK + format));
    List<String> records = new ArrayList<>();
    int i = out.indexOf(MARK);
    while (i >= 0) {
      int next = out.indexOf("\n" + MARK, i);
      records.add(out.substring(i + MARK.length(), next < 0 ? stripNewline(out).length() : next));
      i = next < 0 ? -1 : next + 1;
    }
    return records;
  }

  private static String stripNewline(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
