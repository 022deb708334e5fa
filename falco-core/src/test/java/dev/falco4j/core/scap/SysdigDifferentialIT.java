package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventFormatter;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.ParamInfo;
import dev.falco4j.core.event.ParamType;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shared trace against {@code sysdig -D -r}: the same events in the same order with the same
 * number, raw timestamp, thread id, cpu, direction, type and parameter values.
 *
 * <p>Decoding uses sysdig 0.29's own table ({@link EventTable#sysdig029()}), so values agree even
 * where a parameter changed type since (mmap's {@code res}). Tolerated, because they come from
 * sysdig's state engine rather than the file: the {@code (...)} annotation after fds, pids and
 * paths, and the fd-type letter in fd lists. Events sysdig hides: the leading {@code container}
 * events, which sysdig consumes while opening a file (they keep their numbers); the test asserts
 * that nothing else is missing.
 */
class SysdigDifferentialIT {

  static Stream<Path> traces() throws IOException {
    List<Path> all = new ArrayList<>(SharedFiles.traces());
    try (Stream<Path> s = Files.list(SharedFiles.resolve("traces/synthetic"))) {
      s.filter(p -> p.toString().endsWith(".scap")).sorted().forEach(all::add);
    }
    return all.stream();
  }

  record Decoded(long num, String line, List<ParamInfo> params, List<String> values, int type,
      long ts) {}

  @ParameterizedTest
  @MethodSource("traces")
  void sameEventsAsSysdig(Path trace) throws Exception {
    List<String> theirs = Sysdig.records(trace,
        "%evt.num %evt.rawtime %thread.tid %evt.cpu %evt.dir %evt.type %evt.args");
    Map<Long, Decoded> ours = new HashMap<>();
    List<Decoded> order = new ArrayList<>();
    EventTable table = EventTable.sysdig029();
    EventView v = new EventView(table);
    EventFormatter fmt = new EventFormatter();
    try (ScapFileSource src = ScapFileSource.open(trace, ScapReadOptions.defaults().withStrict(true), table)) {
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r != EventSource.EVENT) {
          continue;
        }
        StringBuilder head = new StringBuilder();
        head.append(v.number()).append(' ').append(v.timestamp()).append(' ').append(v.threadId())
            .append(' ').append(v.cpu()).append(' ').append(v.directionSymbol()).append(' ')
            .append(fmt.typeName(v));
        List<ParamInfo> params = new ArrayList<>();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < v.paramCount() && !EventFormatter.isGeneric(v); i++) {
          params.add(v.paramInfo(i));
          StringBuilder sb = new StringBuilder();
          fmt.appendValue(v, i, sb);
          values.add(sb.toString());
        }
        Decoded d = new Decoded(v.number(), head.toString(), params, values, v.type(), v.timestamp());
        ours.put(v.number(), d);
        order.add(d);
      }
    }
    int compared = 0;
    long lastNum = 0;
    List<String> mismatches = new ArrayList<>();
    for (String rec : theirs) {
      String[] f = rec.split(" ", 7);
      long num = Long.parseLong(f[0]);
      assertThat(num).as("sysdig's order").isGreaterThan(lastNum);
      lastNum = num;
      Decoded d = ours.remove(num);
      if (d == null) {
        mismatches.add("event " + num + " shown by sysdig is missing: " + rec);
        continue;
      }
      String theirHead = String.join(" ", f[0], f[1], f[2], f[3], f[4], f[5]);
      if (!theirHead.equals(d.line())) {
        mismatches.add("header differs: sysdig [" + theirHead + "] ours [" + d.line() + "]");
        continue;
      }
      String args = f.length > 6 ? f[6] : "";
      String problem = matchArgs(d, args);
      if (problem != null) {
        mismatches.add("event " + num + ": " + problem + "\n   sysdig: " + args);
      }
      compared++;
    }
    assertThat(mismatches).as("mismatches in %s", trace).isEmpty();
    // what sysdig did not show must be the leading container events it consumes at open
    for (Decoded d : ours.values()) {
      assertThat(d.type()).as("hidden event %s", d.line())
          .isIn(EventType.CONTAINER_E, EventType.CONTAINER_JSON_E, EventType.CONTAINER_JSON_2_E);
      assertThat(d.ts()).isZero();
    }
    assertThat(compared).isEqualTo(order.size() - ours.size()).isPositive();
  }

  /** Null when sysdig's {@code evt.args} equals our rendering modulo state annotations. */
  static String matchArgs(Decoded d, String theirs) {
    int pos = 0;
    for (int i = 0; i < d.values().size(); i++) {
      ParamInfo p = d.params().get(i);
      String name = (p == null ? "param" + i : p.name()) + "=";
      if (!theirs.startsWith(name, pos)) {
        return "expected " + name + " at " + pos;
      }
      pos += name.length();
      String ours = d.values().get(i);
      ParamType type = p == null ? ParamType.BYTEBUF : p.type();
      if (type == ParamType.FDLIST) {
        ours = ours.replace(":?", ":");
        // sysdig inserts the fd type letter: "3:f1 4:p5" vs "3:1 4:5"
        String next = nextParamStart(d, i);
        int stop = next == null ? theirs.stripTrailing().length() : theirs.indexOf(" " + next, pos);
        String got = theirs.substring(pos, stop < 0 ? theirs.length() : stop)
            .replaceAll(":[a-zA-Z?46]([0-9a-f]+)", ":$1");
        if (!got.equals(ours)) {
          return p.name() + ": sysdig " + got + " ours " + ours;
        }
        pos = stop < 0 ? theirs.length() : stop;
        pos = skipSpace(theirs, pos);
        continue;
      }
      if (!theirs.startsWith(ours, pos)) {
        return (p == null ? "param" + i : p.name()) + ": ours [" + ours + "] sysdig ["
            + theirs.substring(pos, Math.min(theirs.length(), pos + ours.length() + 20)) + "]";
      }
      pos += ours.length();
      boolean annotatable = type == ParamType.FD || type == ParamType.PID
          || type == ParamType.FSPATH || type == ParamType.FSRELPATH || type == ParamType.FD32
          || type == ParamType.PID32;
      if (annotatable && pos < theirs.length() && theirs.charAt(pos) == '(') {
        String next = nextParamStart(d, i);
        int close = next == null ? theirs.lastIndexOf(')') : theirs.indexOf(") " + next, pos);
        if (close < 0) {
          return "unterminated annotation after " + name;
        }
        pos = close + 1;
      }
      if (pos < theirs.length()) {
        if (theirs.charAt(pos) != ' ') {
          return "trailing text after " + name + ours + ": "
              + theirs.substring(pos, Math.min(theirs.length(), pos + 30));
        }
        pos++;
      }
    }
    return pos >= theirs.trim().length() ? null : "sysdig shows more: " + theirs.substring(pos);
  }

  private static String nextParamStart(Decoded d, int i) {
    if (i + 1 >= d.params().size()) {
      return null;
    }
    ParamInfo n = d.params().get(i + 1);
    return (n == null ? "param" + (i + 1) : n.name()) + "=";
  }

  private static int skipSpace(String s, int pos) {
    return pos < s.length() && s.charAt(pos) == ' ' ? pos + 1 : pos;
  }
}
