package dev.falco4j.examples.cli;

import dev.falco4j.core.event.EventCategory;
import dev.falco4j.core.event.EventFormatter;
import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.ParamType;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.event.spi.GroupSnapshot;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import dev.falco4j.core.event.spi.UserSnapshot;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapFormatException;
import dev.falco4j.core.scap.ScapReadOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falco inspect TRACE [-p FORMAT] [FILTER]}: prints the events of a trace file the way
 * {@code sysdig -r} does, one line per event: number, time, cpu, process name, thread id,
 * direction, type and arguments. {@code -p} takes a sysdig-style format over the event fields
 * available so far; a leading {@code *} prints every event, with {@code <NA>} for missing fields
 * (without it, events lacking a field are not printed).
 *
 * <p>Process names come from the trace's process list and from execve/clone/fork exit events;
 * fd names and other state annotations ({@code fd=3(<f>/etc/passwd)}) are not shown yet.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the events of a .scap trace like 'sysdig -r' does.",
      "",
      "Format fields for -p: %evt.num %evt.time %evt.outputtime %evt.datetime %evt.rawtime",
      "  %evt.rawtime.s %evt.rawtime.ns %evt.cpu %evt.dir %evt.type %evt.category %evt.args",
      "  %evt.arg.NAME %evt.rawarg.NAME %evt.res %evt.rawres %evt.count.params %thread.tid",
      "  %proc.name"
    })
public final class InspectCommand implements Callable<Integer> {

  /** What the filter argument needs that this build does not have. */
  static final String NO_FILTER_MESSAGE = "falco inspect: filters need the field catalog"
      + " (dev.falco4j.core.field), which is not in this build yet; run without FILTER";

  static final String DEFAULT_FORMAT =
      "%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.args";

  @Parameters(index = "0", paramLabel = "TRACE", description = "A .scap or .scap.gz trace file.")
  Path trace;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "FILTER",
      description = "A filter condition (needs the field catalog).")
  List<String> filter = new ArrayList<>();

  @Option(
      names = {"-p", "--print"},
      paramLabel = "FORMAT",
      description = "Output format (sysdig -p style); a leading '*' prints every event.")
  String format;

  @Option(
      names = {"-D", "--debug"},
      description = "Also print internal events (procinfo...), like sysdig -D.")
  boolean debug;

  @Option(
      names = "--sysdig-tables",
      description = "Decode with the event tables of sysdig 0.29.3 instead of the current ones"
          + " (identical output to that sysdig; newer event types are skipped).")
  boolean sysdigTables;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!filter.isEmpty()) {
      err.println(NO_FILTER_MESSAGE);
      err.flush();
      return ExitCodes.USAGE;
    }
    if (!Files.isRegularFile(trace)) {
      err.println("falco inspect: " + trace + ": no such file");
      err.flush();
      return ExitCodes.FAILURE;
    }
    boolean all = false;
    String fmt = format == null ? DEFAULT_FORMAT : format;
    if (fmt.startsWith("*")) {
      all = true;
      fmt = fmt.substring(1);
    }
    List<Object> parts;
    try {
      parts = parse(fmt);
    } catch (IllegalArgumentException e) {
      err.println("falco inspect: " + e.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    EventTable table = sysdigTables ? EventTable.sysdig029() : EventTable.current();
    EventView ev = new EventView(table);
    StringBuilder line = new StringBuilder(256);
    try (ScapFileSource src = ScapFileSource.open(trace, ScapReadOptions.defaults(), table)) {
      Printer printer = new Printer(src.initialState());
      boolean leading = true;
      for (int r; (r = src.next(ev)) != EventSource.END; ) {
        if (r == EventSource.NEW_SECTION) {
          printer.load(src.initialState());
          continue;
        }
        if (r != EventSource.EVENT) {
          continue;
        }
        printer.track(ev);
        // sysdig consumes the leading container events while opening a file
        if (leading && isContainer(ev.type())) {
          continue;
        }
        leading = false;
        if (!debug && (ev.info().category() & EventCategory.INTERNAL) != 0) {
          continue;
        }
        line.setLength(0);
        if (printer.render(parts, ev, all, line)) {
          out.println(line);
        }
      }
      out.flush();
      EventSourceStats s = src.stats();
      if (s.skippedMalformed() > 0) {
        err.println("falco inspect: skipped " + s.skippedMalformed() + " malformed events; first: "
            + s.firstProblem());
        err.flush();
      }
      return ExitCodes.OK;
    } catch (ScapFormatException e) {
      out.flush();
      err.println("falco inspect: " + e.getMessage());
      err.flush();
      return ExitCodes.FAILURE;
    } catch (IOException e) {
      out.flush();
      err.println("falco inspect: " + trace + ": " + e.getMessage());
      err.flush();
      return ExitCodes.FAILURE;
    }
  }

  private static boolean isContainer(int type) {
    return type == EventType.CONTAINER_E || type == EventType.CONTAINER_JSON_E
        || type == EventType.CONTAINER_JSON_2_E;
  }

  /** A format: literal strings and {@link Field}s. */
  static List<Object> parse(String fmt) {
    List<Object> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      if (c != '%') {
        lit.append(c);
        i++;
        continue;
      }
      int j = i + 1;
      while (j < fmt.length() && isFieldChar(fmt.charAt(j))) {
        j++;
      }
      String name = fmt.substring(i + 1, j);
      while (name.endsWith(".")) {
        name = name.substring(0, name.length() - 1);
        j--;
      }
      if (name.isEmpty()) {
        lit.append('%');
        i++;
        continue;
      }
      if (lit.length() > 0) {
        parts.add(lit.toString());
        lit.setLength(0);
      }
      parts.add(Field.of(name));
      i = j;
    }
    if (lit.length() > 0) {
      parts.add(lit.toString());
    }
    return parts;
  }

  private static boolean isFieldChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_';
  }

  /** One {@code %field} of a format. */
  record Field(String name, String kind, String argument) {

    static final List<String> SIMPLE = List.of("evt.num", "evt.time", "evt.outputtime",
        "evt.datetime", "evt.rawtime", "evt.rawtime.s", "evt.rawtime.ns", "evt.cpu", "evt.dir",
        "evt.type", "evt.category", "evt.args", "evt.res", "evt.rawres", "evt.count.params",
        "thread.tid", "proc.name");

    static Field of(String name) {
      if (SIMPLE.contains(name)) {
        return new Field(name, name, null);
      }
      if (name.startsWith("evt.arg.") && name.length() > 8) {
        return new Field(name, "evt.arg", name.substring(8));
      }
      if (name.startsWith("evt.rawarg.") && name.length() > 11) {
        return new Field(name, "evt.rawarg", name.substring(11));
      }
      throw new IllegalArgumentException("unknown field %" + name + " in -p; available: %"
          + String.join(" %", SIMPLE) + " %evt.arg.NAME %evt.rawarg.NAME");
    }
  }

  /** Renders fields; keeps thread names and the user/group names of the trace. */
  static final class Printer {
    private final Map<Long, String> comms = new HashMap<>();
    private EventFormatter formatter;
    private final ZoneId zone = ZoneId.systemDefault();

    Printer(InitialState state) {
      load(state);
    }

    void load(InitialState state) {
      Map<Integer, String> users = new HashMap<>();
      Map<Integer, String> groups = new HashMap<>();
      for (UserSnapshot u : state.users()) {
        users.put(u.uid(), u.name());
      }
      for (GroupSnapshot g : state.groups()) {
        groups.put(g.gid(), g.name());
      }
      formatter = new EventFormatter(users, groups, EventFormatter.DEFAULT_BUFFER_LIMIT);
      for (ThreadSnapshot t : state.threads()) {
        comms.put(t.tid(), t.comm());
      }
    }

    /** Follows process names through execve and clone/fork exit events. */
    void track(EventView ev) {
      if (ev.isEnter()) {
        return;
      }
      String name = ev.info().name();
      boolean exec = name.equals("execve") || name.equals("execveat");
      boolean fork = name.equals("clone") || name.equals("fork") || name.equals("vfork")
          || name.equals("clone3");
      if (!exec && !fork) {
        return;
      }
      long res = ev.paramAsLong(0, -1);
      if (fork && res > 0) {
        // the parent's exit: the child starts with the parent's name until its own exit event
        String parent = comms.get(ev.threadId());
        if (parent != null) {
          comms.putIfAbsent(res, parent);
        }
        return;
      }
      if (res != 0) {
        return;
      }
      int comm = ev.paramIndex("comm");
      if (comm >= 0 && ev.hasParam(comm) && !ev.isEmpty(comm)) {
        comms.put(ev.threadId(), ev.paramAsString(comm));
        return;
      }
      int exe = ev.paramIndex("exe");
      if (exe >= 0 && ev.hasParam(exe) && !ev.isEmpty(exe)) {
        String e = ev.paramAsString(exe);
        comms.put(ev.threadId(), e.substring(e.lastIndexOf('/') + 1));
      }
    }

    /** Appends the event; returns false when a field is missing and {@code all} is false. */
    boolean render(List<Object> parts, EventView ev, boolean all, StringBuilder out) {
      for (Object p : parts) {
        if (p instanceof String s) {
          out.append(s);
          continue;
        }
        Field f = (Field) p;
        int mark = out.length();
        if (!append(f, ev, out)) {
          if (!all) {
            return false;
          }
          out.setLength(mark);
          out.append("<NA>");
        }
      }
      return true;
    }

    private boolean append(Field f, EventView ev, StringBuilder out) {
      long ts = ev.timestamp();
      switch (f.kind()) {
        case "evt.num":
          out.append(ev.number());
          return true;
        case "evt.time":
        case "evt.outputtime": {
          LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(0, ts), zone);
          two(out, t.getHour()).append(':');
          two(out, t.getMinute()).append(':');
          two(out, t.getSecond()).append('.');
          nine(out, ts);
          return true;
        }
        case "evt.datetime": {
          LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(0, ts), zone);
          out.append(t.getYear()).append('-');
          two(out, t.getMonthValue()).append('-');
          two(out, t.getDayOfMonth()).append(' ');
          two(out, t.getHour()).append(':');
          two(out, t.getMinute()).append(':');
          two(out, t.getSecond()).append('.');
          nine(out, ts);
          return true;
        }
        case "evt.rawtime":
          out.append(ts);
          return true;
        case "evt.rawtime.s":
          out.append(Long.divideUnsigned(ts, 1_000_000_000L));
          return true;
        case "evt.rawtime.ns":
          out.append(Long.remainderUnsigned(ts, 1_000_000_000L));
          return true;
        case "evt.cpu":
          out.append(ev.cpu());
          return true;
        case "evt.dir":
          out.append(ev.directionSymbol());
          return true;
        case "evt.type":
          out.append(formatter.typeName(ev));
          return true;
        case "evt.category":
          out.append(EventCategory.topicName(ev.info().category()));
          return true;
        case "evt.args":
          formatter.appendArgs(ev, out);
          return true;
        case "evt.count.params":
          out.append(ev.paramCount());
          return true;
        case "thread.tid":
          out.append(ev.threadId());
          return true;
        case "proc.name": {
          String n = comms.get(ev.threadId());
          if (n == null) {
            return false;
          }
          out.append(n);
          return true;
        }
        case "evt.res":
        case "evt.rawres": {
          int i = resIndex(ev);
          if (i < 0) {
            return false;
          }
          long v = ev.paramAsLong(i);
          if (f.kind().equals("evt.rawres")) {
            out.append(v);
          } else if (v >= 0) {
            out.append("SUCCESS");
          } else {
            String n = ev.table().errnoName(-v);
            out.append(n == null ? Long.toString(v) : n);
          }
          return true;
        }
        case "evt.arg":
        case "evt.rawarg": {
          int i = ev.paramIndex(f.argument());
          if (i < 0 || !ev.hasParam(i)) {
            return false;
          }
          if (f.kind().equals("evt.arg")) {
            appendArg(ev, i, out);
          } else {
            appendRaw(ev, i, out);
          }
          return true;
        }
        default:
          return false;
      }
    }

    private static int resIndex(EventView ev) {
      if (ev.isEnter() || ev.paramCount() == 0) {
        return -1;
      }
      EventInfo info = ev.info();
      return info.paramCount() > 0 && info.param(0).name().equals("res") ? 0 : -1;
    }

    /**
     * sysdig's {@code evt.arg.NAME}: the resolved part when the type has one ({@code ENOENT},
     * {@code O_RDONLY|O_CLOEXEC}), else the value.
     */
    private void appendArg(EventView ev, int i, StringBuilder out) {
      int mark = out.length();
      formatter.appendValue(ev, i, out);
      switch (ev.paramType(i)) {
        case PID: {
          String n = comms.get(ev.paramAsLong(i));
          if (n != null) {
            out.setLength(mark);
            out.append(n);
          }
          break;
        }
        case ERRNO: case FLAGS8: case FLAGS16: case FLAGS32: case ENUMFLAGS8: case ENUMFLAGS16:
        case ENUMFLAGS32: case MODE: case SYSCALLID: case SIGTYPE: case UID: case GID: {
          int open = out.indexOf("(", mark);
          if (open > mark && out.charAt(out.length() - 1) == ')') {
            String resolved = out.substring(open + 1, out.length() - 1);
            out.setLength(mark);
            out.append(resolved);
          }
          break;
        }
        default:
          break;
      }
    }

    private void appendRaw(EventView ev, int i, StringBuilder out) {
      ParamType t = ev.paramType(i);
      if (t.isInteger()) {
        out.append(ev.paramAsLong(i));
      } else if (t.isText()) {
        out.append(ev.paramAsString(i));
      } else {
        formatter.appendValue(ev, i, out);
      }
    }

    private static StringBuilder two(StringBuilder out, int v) {
      if (v < 10) {
        out.append('0');
      }
      return out.append(v);
    }

    private static void nine(StringBuilder out, long ts) {
      String ns = Long.toString(Long.remainderUnsigned(ts, 1_000_000_000L));
      for (int k = ns.length(); k < 9; k++) {
        out.append('0');
      }
      out.append(ns);
    }
  }
}
