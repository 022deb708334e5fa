package dev.falco4j.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.testing.Prerequisites;
import dev.falco4j.core.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * For every field that both Falco4J and sysdig 0.29.3 know, over every event of every shared trace:
 * sysdig's {@code -p '*%evt.num %FIELD...'} output against Falco4J's display of the same field after
 * replaying the trace through the state tracker. Writes the table (fields, events, mismatches) to
 * {@code target/field-differential.txt}; fails on any mismatch not listed, with its reason, in
 * {@link #KNOWN_DIFFERENCES}.
 */
class FieldDifferentialIT {

  private static final String SEP = "\u0001";

  /**
   * Argument forms compared in addition to the plain fields ({@code evt.rawarg.fd} is left out:
   * sysdig 0.29.3 aborts with "wrong event type 14" on old clone events when asked for it).
   */
  private static final List<String> ARG_FORMS = List.of(
      "proc.aname[0]", "proc.aname[1]", "proc.aname[2]", "proc.aname[3]", "proc.apid[1]",
      "proc.apid[2]", "evt.arg[0]", "evt.arg[1]", "evt.arg.fd", "evt.arg.name", "evt.arg.res",
      "evt.arg.tuple", "evt.rawarg.res", "evt.rawarg.size", "thread.cgroup.cpu");

  /**
   * Fields not compared, with why: list-only forms sysdig cannot print, values that depend on the
   * wall clock or on sysdig's own process rather than the trace.
   */
  private static final Map<String, String> EXCLUDED = Map.ofEntries(
      Map.entry("fd.ip", "filter-only: matches either address; sysdig prints nothing useful"),
      Map.entry("fd.port", "filter-only: matches either port"),
      Map.entry("fd.net", "filter-only: matches either network"),
      Map.entry("fd.cnet", "filter-only in sysdig (compared as fd.cip)"),
      Map.entry("fd.snet", "filter-only in sysdig (compared as fd.sip)"),
      Map.entry("fd.lnet", "filter-only in sysdig (compared as fd.lip)"),
      Map.entry("fd.rnet", "filter-only in sysdig (compared as fd.rip)"),
      Map.entry("proc.aname", "argument-less list form: filter-only"),
      Map.entry("proc.apid", "argument-less list form: filter-only"),
      Map.entry("evt.buffer", "binary data: compared through evt.arg.data rendering instead"),
      Map.entry("evt.deltatime", "sysdig measures from the previous event it read, hidden ones"
          + " included, which -p output does not show"),
      Map.entry("evt.deltatime.s", "as evt.deltatime"),
      Map.entry("evt.deltatime.ns", "as evt.deltatime"));

  /**
   * Fields whose values are expected to differ on some events, with the reason. Each is a
   * behaviour of sysdig 0.29.3 that Falco4J does not reproduce on purpose or cannot reproduce
   * from the shared spec.
   */
  private static final Map<String, String> KNOWN_DIFFERENCES = Map.of(
      "evt.category", "generic syscall events (mprotect, arch_prctl, rt_sigaction...): sysdig"
          + " takes their topic from its per-syscall table; the shared spec has no per-syscall"
          + " category, Falco4J shows 'other'",
      "evt.rawarg.size", "sysdig 0.29.3 prints <NA> for evt.rawarg.size on every event that"
          + " carries a size argument (read/write enters); Falco4J gives the value",
      "proc.is_exe_writable", "the traces predate the exe-writable flag; for threads first seen"
          + " through an event sysdig 0.29.3 shows an uninitialised value (true in cat_write,"
          + " false in curl_google for the same kind of execve); Falco4J shows false after an"
          + " execve without the flag");

  @Test
  void everySharedFieldMatchesSysdigOnEveryTrace() throws Exception {
    Path sysdig = Prerequisites.sysdig();
    Set<String> sysdigFields = sysdigFieldNames(sysdig);
    FieldCatalog catalog = new FieldCatalog(EventTable.sysdig029(), false);
    List<String> fields = new ArrayList<>();
    for (FieldFamily f : catalog.families()) {
      for (FieldDef d : f.fields()) {
        if (sysdigFields.contains(d.name()) && !EXCLUDED.containsKey(d.name())
            && d.argMode() != ArgMode.REQUIRED_KEY && d.argMode() != ArgMode.REQUIRED_INDEX) {
          fields.add(d.name());
        }
      }
    }
    fields.addAll(ARG_FORMS);

    Map<String, long[]> perField = new TreeMap<>(); // compared, mismatched
    int fdTypeIndex = fields.indexOf("fd.type");
    List<String> examples = new ArrayList<>();
    Map<String, Integer> exampleCount = new java.util.HashMap<>();
    long eventsCompared = 0;
    StringBuilder report = new StringBuilder();
    for (Path trace : SharedFiles.traces()) {
      Map<Long, String[]> ours = FieldReplay.render(trace, fields, EventTable.sysdig029());
      Map<Long, String[]> theirs = runSysdig(sysdig, trace, fields);
      long traceEvents = 0;
      for (Map.Entry<Long, String[]> e : theirs.entrySet()) {
        String[] mine = ours.get(e.getKey());
        if (mine == null) {
          examples.add(trace.getFileName() + " #" + e.getKey() + ": event missing in Falco4J");
          continue;
        }
        traceEvents++;
        String[] sys = e.getValue();
        boolean fileFd = fdTypeIndex >= 0
            && (sys[fdTypeIndex].equals("file") || sys[fdTypeIndex].equals("directory"));
        for (int i = 0; i < fields.size(); i++) {
          if (fields.get(i).startsWith("fd.dev") && !fileFd) {
            // sysdig 0.29.3 leaves fd.dev uninitialised for non-file fds (values such as 55FF
            // on sockets and pipes): compared on files and directories only.
            continue;
          }
          String expected = normalise(fields.get(i), sys[i]);
          String actual = normalise(fields.get(i), mine[i] == null ? "<NA>" : mine[i]);
          long[] c = perField.computeIfAbsent(fields.get(i), k -> new long[2]);
          c[0]++;
          if (!expected.equals(actual)) {
            c[1]++;
            String exKey = trace.getFileName() + " " + fields.get(i);
            if (exampleCount.merge(exKey, 1, Integer::sum) <= 6) {
              examples.add(trace.getFileName() + " #" + e.getKey() + " " + fields.get(i)
                  + ": sysdig=[" + expected + "] falco4j=[" + actual + "]");
            }
          }
        }
      }
      assertThat(traceEvents).as("events compared in " + trace).isPositive();
      eventsCompared += traceEvents;
      report.append(String.format("%-28s events compared %6d%n", trace.getFileName(),
          traceEvents));
    }
    long mismatches = 0;
    long unexplained = 0;
    report.append(String.format("%nfields compared: %d, events compared: %d%n%n", fields.size(),
        eventsCompared));
    report.append(String.format("%-40s %10s %10s  %s%n", "field", "values", "mismatch", "note"));
    List<String> failing = new ArrayList<>();
    for (Map.Entry<String, long[]> e : perField.entrySet()) {
      long[] c = e.getValue();
      String note = KNOWN_DIFFERENCES.getOrDefault(e.getKey(), "");
      report.append(String.format("%-40s %10d %10d  %s%n", e.getKey(), c[0], c[1], note));
      mismatches += c[1];
      if (c[1] > 0 && note.isEmpty()) {
        unexplained += c[1];
        failing.add(e.getKey() + " (" + c[1] + ")");
      }
    }
    report.append(String.format("%ntotal values %d, mismatches %d, unexplained %d%n%n",
        perField.values().stream().mapToLong(c -> c[0]).sum(), mismatches, unexplained));
    for (String ex : examples) {
      report.append(ex).append('\n');
    }
    Path out = Path.of("target", "field-differential.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
    assertThat(failing).as("fields differing from sysdig without a documented reason; see "
        + out.toAbsolutePath()).isEmpty();
  }

  /**
   * Documented normalisations applied to both sides before comparing:
   *
   * <ul>
   *   <li>{@code group.gid}: sysdig 0.29.3 reads the 32-bit gid through a 64-bit load and prints
   *       the neighbouring field in the high half (4294967399 for gid 103); the low 32 bits are
   *       compared.
   * </ul>
   */
  private static String normalise(String field, String value) {
    if (field.equals("group.gid") && value.matches("\\d+")) {
      return Long.toString(Long.parseLong(value) & 0xFFFF_FFFFL);
    }
    return value;
  }

  private static Set<String> sysdigFieldNames(Path sysdig) throws IOException,
      InterruptedException {
    Process p = new ProcessBuilder(sysdig.toString(), "-l").redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor(60, TimeUnit.SECONDS);
    Set<String> names = new HashSet<>();
    for (String line : text.split("\n")) {
      int sp = line.indexOf(' ');
      String first = sp < 0 ? line : line.substring(0, sp);
      if (first.matches("[a-z0-9_]+(\\.[a-z0-9_]+)+")) {
        names.add(first);
      }
    }
    return names;
  }

  private static Map<Long, String[]> runSysdig(Path sysdig, Path trace, List<String> fields)
      throws IOException, InterruptedException {
    StringBuilder fmt = new StringBuilder("*%evt.num");
    for (String f : fields) {
      fmt.append(SEP).append('%').append(f);
    }
    Process p = new ProcessBuilder(sysdig.toString(), "-D", "-r", trace.toString(), "-p",
        fmt.toString()).redirectErrorStream(false).start();
    p.getOutputStream().close();
    byte[] bytes = p.getInputStream().readAllBytes();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("sysdig did not finish on " + trace);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException("sysdig failed (exit " + p.exitValue() + ") on " + trace + ": " + err);
    }
    Map<Long, String[]> out = new LinkedHashMap<>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      String[] parts = line.split(SEP, -1);
      if (parts.length != fields.size() + 1) {
        continue; // a value with a newline inside; the continuation is not an event line
      }
      try {
        long num = Long.parseLong(parts[0]);
        String[] values = new String[fields.size()];
        System.arraycopy(parts, 1, values, 0, values.length);
        out.put(num, values);
      } catch (NumberFormatException e) {
        // continuation line
      }
    }
    return out;
  }
}
