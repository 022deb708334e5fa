package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.ABSTIME;
import static dev.falco4j.dsl.compile.FieldType.BOOL;
import static dev.falco4j.dsl.compile.FieldType.BYTES;
import static dev.falco4j.dsl.compile.FieldType.EVENT_TYPE;
import static dev.falco4j.dsl.compile.FieldType.FSPATH;
import static dev.falco4j.dsl.compile.FieldType.INT16;
import static dev.falco4j.dsl.compile.FieldType.INT64;
import static dev.falco4j.dsl.compile.FieldType.RELTIME;
import static dev.falco4j.dsl.compile.FieldType.STRING;
import static dev.falco4j.dsl.compile.FieldType.UINT32;
import static dev.falco4j.dsl.compile.FieldType.UINT64;

import dev.falco4j.core.event.EventCategory;
import dev.falco4j.core.event.EventFlags;
import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.ParamType;
import dev.falco4j.core.state.FdInfo;
import dev.falco4j.dsl.compile.FieldType;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code evt.*}: the event itself: number, times, type and direction, CPU, arguments (rendered,
 * raw, by name or position), result, and classifications (I/O, open modes, failure).
 */
public final class EvtFields extends FieldFamily {

  static final int NUM = 0, TIME = 1, TIME_S = 2, TIME_ISO = 3, DATETIME = 4, DATETIME_S = 5,
      RAWTIME = 6, RAWTIME_S = 7, RAWTIME_NS = 8, RELTIME_ = 9, RELTIME_S = 10, RELTIME_NS = 11,
      DELTATIME = 12, DELTATIME_S = 13, DELTATIME_NS = 14, LATENCY = 15, LATENCY_S = 16,
      LATENCY_NS = 17, DIR = 18, TYPE = 19, CPU = 20, CATEGORY = 21, ARGS = 22, ARG = 23,
      RAWARG = 24, INFO = 25, BUFFER = 26, BUFLEN = 27, RES = 28, RAWRES = 29, FAILED = 30,
      IS_IO = 31, IS_IO_READ = 32, IS_IO_WRITE = 33, IO_DIR = 34, IS_WAIT = 35, IS_SYSLOG = 36,
      COUNT = 37, ABSPATH = 38, IS_OPEN_READ = 39, IS_OPEN_WRITE = 40, IS_OPEN_EXEC = 41,
      IS_OPEN_CREATE = 42, HOSTNAME = 43, SOURCE = 44, LATENCY_HUMAN = 45, OUTPUTTIME = 46;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("evt.num", UINT64, ArgMode.NONE, "the event's number in the stream, starting at 1.", NUM),
      new FieldDef("evt.time", STRING, ArgMode.NONE, "event time of day with nanoseconds (HH:MM:SS.nnnnnnnnn, local time).", TIME),
      new FieldDef("evt.time.s", STRING, ArgMode.NONE, "event time of day without the fraction (HH:MM:SS).", TIME_S),
      new FieldDef("evt.time.iso8601", STRING, ArgMode.NONE, "event date and time in ISO 8601 form, UTC, with nanoseconds.", TIME_ISO),
      new FieldDef("evt.datetime", STRING, ArgMode.NONE, "event date and time of day with nanoseconds (YYYY-MM-DD HH:MM:SS.nnnnnnnnn, local time).", DATETIME),
      new FieldDef("evt.datetime.s", STRING, ArgMode.NONE, "event date and time without the fraction.", DATETIME_S),
      new FieldDef("evt.rawtime", ABSTIME, ArgMode.NONE, "event timestamp in nanoseconds since the epoch.", RAWTIME),
      new FieldDef("evt.rawtime.s", UINT64, ArgMode.NONE, "whole seconds of evt.rawtime.", RAWTIME_S),
      new FieldDef("evt.rawtime.ns", UINT64, ArgMode.NONE, "nanoseconds part of evt.rawtime.", RAWTIME_NS),
      new FieldDef("evt.reltime", RELTIME, ArgMode.NONE, "nanoseconds since the first event of the stream.", RELTIME_),
      new FieldDef("evt.reltime.s", UINT64, ArgMode.NONE, "whole seconds of evt.reltime.", RELTIME_S),
      new FieldDef("evt.reltime.ns", UINT64, ArgMode.NONE, "nanoseconds part of evt.reltime.", RELTIME_NS),
      new FieldDef("evt.deltatime", RELTIME, ArgMode.NONE, "nanoseconds since the previous event.", DELTATIME),
      new FieldDef("evt.deltatime.s", UINT64, ArgMode.NONE, "whole seconds of evt.deltatime.", DELTATIME_S),
      new FieldDef("evt.deltatime.ns", UINT64, ArgMode.NONE, "nanoseconds part of evt.deltatime.", DELTATIME_NS),
      new FieldDef("evt.latency", RELTIME, ArgMode.NONE, "for an exit event, nanoseconds spent in the syscall since its enter event; 0 for enter events.", LATENCY),
      new FieldDef("evt.latency.s", UINT64, ArgMode.NONE, "whole seconds of evt.latency.", LATENCY_S),
      new FieldDef("evt.latency.ns", UINT64, ArgMode.NONE, "nanoseconds part of evt.latency.", LATENCY_NS),
      new FieldDef("evt.dir", STRING, ArgMode.NONE, "'>' for an enter event, '<' for an exit event.", DIR),
      new FieldDef("evt.type", EVENT_TYPE, ArgMode.NONE, "the event's name (open, execve, ...); for generic syscall events the syscall's name.", TYPE),
      new FieldDef("evt.cpu", INT16, ArgMode.NONE, "the CPU the event happened on.", CPU),
      new FieldDef("evt.category", STRING, ArgMode.NONE, "the event's topic: file, net, ipc, memory, process, sleep, system, signal, user, time, io-read, io-write, io-other, wait, scheduler, other.", CATEGORY),
      new FieldDef("evt.args", STRING, ArgMode.NONE, "all arguments as name=value pairs, as sysdig prints them.", ARGS),
      new FieldDef("evt.arg", STRING, ArgMode.REQUIRED_KEY, "one argument as text, by name (evt.arg.fd, evt.arg[fd]) or position (evt.arg[0]); fds and pids come with what they refer to.", ARG),
      new FieldDef("evt.rawarg", INT64, ArgMode.REQUIRED_KEY, "one argument's raw value by name (evt.rawarg.res); numeric arguments compare as numbers, text ones as strings.", RAWARG),
      new FieldDef("evt.info", STRING, ArgMode.NONE, "a description of the event: its arguments as name=value pairs.", INFO),
      new FieldDef("evt.buffer", BYTES, ArgMode.NONE, "the data buffer of I/O events (read, write, send, recv...).", BUFFER),
      new FieldDef("evt.buflen", UINT64, ArgMode.NONE, "length of the data buffer of I/O events.", BUFLEN),
      new FieldDef("evt.res", STRING, ArgMode.NONE, "the result as text: SUCCESS, or the error name (ENOENT) when the syscall failed.", RES),
      new FieldDef("evt.rawres", INT64, ArgMode.NONE, "the result as a number (negative errno on failure).", RAWRES),
      new FieldDef("evt.failed", BOOL, ArgMode.NONE, "true when the syscall returned an error.", FAILED),
      new FieldDef("evt.is_io", BOOL, ArgMode.NONE, "true for events that read or write data (read, write, send, recv...).", IS_IO),
      new FieldDef("evt.is_io_read", BOOL, ArgMode.NONE, "true for events that read data.", IS_IO_READ),
      new FieldDef("evt.is_io_write", BOOL, ArgMode.NONE, "true for events that write data.", IS_IO_WRITE),
      new FieldDef("evt.io_dir", STRING, ArgMode.NONE, "'r' for events that read data, 'w' for events that write data.", IO_DIR),
      new FieldDef("evt.is_wait", BOOL, ArgMode.NONE, "true for events that make the thread wait (sleep, poll, futex...).", IS_WAIT),
      new FieldDef("evt.is_syslog", BOOL, ArgMode.NONE, "true for writes to /dev/log, i.e. syslog messages.", IS_SYSLOG),
      new FieldDef("evt.count", UINT32, ArgMode.NONE, "1 for every event; summed by aggregations.", COUNT),
      new FieldDef("evt.abspath", FSPATH, ArgMode.OPTIONAL_KEY, "the absolute path an event's path argument names, resolved against the working directory or dirfd; for two-path events [src] or [dst].", ABSPATH),
      new FieldDef("evt.is_open_read", BOOL, ArgMode.NONE, "true for a successful open that allows reading.", IS_OPEN_READ),
      new FieldDef("evt.is_open_write", BOOL, ArgMode.NONE, "true for a successful open that allows writing.", IS_OPEN_WRITE),
      new FieldDef("evt.is_open_exec", BOOL, ArgMode.NONE, "true for a successful open of a file with execute permission requested (O_EXEC-like flags).", IS_OPEN_EXEC),
      new FieldDef("evt.is_open_create", BOOL, ArgMode.NONE, "true for a successful open that created the file.", IS_OPEN_CREATE),
      new FieldDef("evt.hostname", STRING, ArgMode.NONE, "the name of the host the event happened on.", HOSTNAME),
      new FieldDef("evt.source", STRING, ArgMode.NONE, "the event source: syscall.", SOURCE),
      new FieldDef("evt.latency.human", STRING, ArgMode.NONE, "evt.latency in human-readable form (10.3ms).", LATENCY_HUMAN),
      new FieldDef("evt.outputtime", STRING, ArgMode.NONE, "the event time as output lines show it; the time of day with nanoseconds, as evt.time.", OUTPUTTIME));

  private static final int O_RDONLY = 1;
  private static final int O_WRONLY = 2;
  private static final int O_CREAT = 4;
  private static final int O_F_CREATED = 0x4000;

  /** Creates the family. */
  public EvtFields() {}

  @Override
  public String name() {
    return "evt";
  }

  @Override
  public String description() {
    return "The event: its number, time, type, direction, arguments and result.";
  }

  @Override
  public List<FieldDef> fields() {
    return DEFS;
  }

  @Override
  protected FieldAccessor accessor(FieldDef def, String key, int index, boolean list) {
    return new Accessor(def, key);
  }

  /**
   * The type {@code evt.rawarg.NAME} has: that of the first event parameter with this name in the
   * table (numbers for integer parameters, text otherwise); null when no event has it.
   */
  static FieldType rawArgType(EventTable table, String name) {
    for (int id = 0; id < table.size(); id++) {
      EventInfo info = table.event(id);
      if (info == null) {
        continue;
      }
      int i = info.paramIndex(name);
      if (i >= 0) {
        ParamType t = info.param(i).type();
        if (t.isInteger() || t == ParamType.ERRNO || t == ParamType.FD || t == ParamType.PID
            || t.isBitFlags() || t.isEnumFlags() || t == ParamType.UID || t == ParamType.GID
            || t == ParamType.MODE) {
          return t.isSigned() ? FieldType.INT64 : FieldType.UINT64;
        }
        return FieldType.STRING;
      }
    }
    return null;
  }

  static final class Accessor extends FieldAccessor {
    private final int id;
    private final String key;
    private final int argIndex;
    private final Utf8Slot text = new Utf8Slot();
    private final StringBuilder sb = new StringBuilder(128);
    private final TimeText times = new TimeText();
    private ArgRenderer renderer;
    private long renderedSeq = -1;
    private String rendered;
    private long prevTs;
    private long prevSeq = -1;
    private long deltaTs;
    private byte[] buffer = new byte[256];
    private final FieldType rawType;

    Accessor(FieldDef def, String key) {
      this(def, key, null);
    }

    Accessor(FieldDef def, String key, FieldType rawType) {
      super(def, false);
      this.id = def.id();
      this.key = key;
      this.rawType = rawType;
      int idx = -1;
      if (key != null && !key.isEmpty() && key.chars().allMatch(Character::isDigit)
          && key.length() < 4) {
        idx = Integer.parseInt(key);
      }
      this.argIndex = idx;
    }

    private ArgRenderer renderer(EvalContext ctx) {
      if (renderer == null || !renderer.rendersFor(ctx.state())) {
        // One accessor may serve several states (a format reused across traces).
        renderer = new ArgRenderer(ctx.state());
      }
      return renderer;
    }

    @Override
    public boolean extract(EvalContext ctx, FieldValue out) {
      EventView ev = ctx.event();
      long ts = ev.timestamp();
      switch (id) {
        case NUM: out.setLong(ev.number()); return true;
        case RAWTIME: out.setLong(ts); return true;
        case RAWTIME_S: out.setLong(ts / 1_000_000_000L); return true;
        case RAWTIME_NS: out.setLong(ts % 1_000_000_000L); return true;
        case RELTIME_: out.setLong(ts - ctx.state().firstEventTs()); return true;
        case RELTIME_S: out.setLong((ts - ctx.state().firstEventTs()) / 1_000_000_000L); return true;
        case RELTIME_NS: out.setLong((ts - ctx.state().firstEventTs()) % 1_000_000_000L); return true;
        case DELTATIME: out.setLong(delta(ctx)); return true;
        case DELTATIME_S: out.setLong(delta(ctx) / 1_000_000_000L); return true;
        case DELTATIME_NS: out.setLong(delta(ctx) % 1_000_000_000L); return true;
        // Enter events of known threads have no latency; events of unknown threads show 0.
        case LATENCY: if (noLatency(ctx)) { return false; } out.setLong(ctx.state().currentLatency()); return true;
        case LATENCY_S: if (noLatency(ctx)) { return false; } out.setLong(ctx.state().currentLatency() / 1_000_000_000L); return true;
        case LATENCY_NS: if (noLatency(ctx)) { return false; } out.setLong(ctx.state().currentLatency() % 1_000_000_000L); return true;
        case LATENCY_HUMAN:
          if (noLatency(ctx)) {
            return false;
          }
          // Metadata events of unknown threads repeat the text of the previous event, as
          // sysdig's formatting buffer does (empty before any).
          if (!(ctx.thread() == null && ev.info() != null
              && ev.info().hasFlag(EventFlags.SKIPPARSERESET))) {
            long lat = ctx.state().currentLatency();
            if (lat != lastHumanValue || lastHuman.isEmpty()) {
              lastHumanValue = lat;
              lastHuman = human(lat);
            }
          }
          text.set(lastHuman, out);
          return true;
        case TIME: case TIME_S: case TIME_ISO: case DATETIME: case DATETIME_S:
          text.set(times.format(ts, id), out);
          return true;
        case OUTPUTTIME:
          text.set(times.format(ts, TIME), out);
          return true;
        case DIR: text.set(ev.isEnter() ? ">" : "<", out); return true;
        case TYPE: out.setLong(typeId(ev)); return ev.info() != null;
        case CPU: if (ev.cpu() < 0) { return false; } out.setLong(ev.cpu()); return true;
        case CATEGORY: {
          EventInfo info = ev.info();
          if (info == null) {
            return false;
          }
          text.set(category(ctx, info), out);
          return true;
        }
        case ARGS: case INFO: text.set(renderedArgs(ctx), out); return true;
        case ARG: return arg(ctx, out);
        case RAWARG: return rawArg(ev, out);
        case BUFFER: return buffer(ev, out);
        case BUFLEN: {
          // The byte count of an I/O syscall on a known fd: its result.
          EventInfo info = ev.info();
          if (ev.isEnter() || info == null || ctx.fd() == null) {
            return false;
          }
          int topic = EventCategory.topic(info.category());
          if (topic != EventCategory.IO_READ && topic != EventCategory.IO_WRITE
              && topic != EventCategory.IO_OTHER) {
            return false;
          }
          long res = resValue(ev);
          if (res == Long.MIN_VALUE) {
            return false;
          }
          out.setLong(res);
          return true;
        }
        case RES: {
          long res = resValue(ev);
          if (res == Long.MIN_VALUE) {
            return false;
          }
          if (res >= 0) {
            text.set("SUCCESS", out);
          } else {
            String n = ev.table().errnoName(-res);
            text.set(n == null ? Long.toString(res) : n, out);
          }
          return true;
        }
        case RAWRES: {
          long res = resValue(ev);
          if (res == Long.MIN_VALUE) {
            return false;
          }
          out.setLong(res);
          return true;
        }
        case FAILED: {
          long res = resValue(ev);
          out.setBoolean(res != Long.MIN_VALUE && res < 0);
          return true;
        }
        case IS_IO: out.setBoolean(isIo(ev, true, true)); return true;
        case IS_IO_READ: out.setBoolean(isIo(ev, true, false)); return true;
        case IS_IO_WRITE: out.setBoolean(isIo(ev, false, true)); return true;
        case IO_DIR:
          if (isIo(ev, true, false)) {
            text.set("read", out);
            return true;
          }
          if (isIo(ev, false, true)) {
            text.set("write", out);
            return true;
          }
          return false;
        case IS_WAIT: out.setBoolean(ev.info() != null && ev.info().hasFlag(EventFlags.WAITS)); return true;
        case IS_SYSLOG: {
          FdInfo fd = ctx.fd();
          out.setBoolean(fd != null && isIo(ev, false, true) && fd.name().equals("/dev/log"));
          return true;
        }
        case COUNT: out.setLong(1); return true;
        case ABSPATH: return abspath(ctx, out);
        case IS_OPEN_READ: out.setBoolean(openWith(ctx, O_RDONLY)); return true;
        case IS_OPEN_WRITE: out.setBoolean(openWith(ctx, O_WRONLY)); return true;
        case IS_OPEN_EXEC: out.setBoolean(false); return true;
        case IS_OPEN_CREATE: out.setBoolean(openWith(ctx, O_F_CREATED) || openWith(ctx, O_CREAT)); return true;
        case HOSTNAME: text.set(ctx.state().hostname(), out); return true;
        case SOURCE: text.set("syscall", out); return true;
        default: return false;
      }
    }

    @Override
    protected void appendValue(FieldValue v, StringBuilder out) {
      if (id == LATENCY_NS || id == RELTIME_NS || id == DELTATIME_NS
          || (id == RELTIME_ && v.longValue() == 0)) {
        // sysdig prints nanosecond parts zero padded to nine digits.
        String s = Long.toString(v.longValue());
        for (int i = s.length(); i < 9; i++) {
          out.append('0');
        }
        out.append(s);
        return;
      }
      if (id == TYPE) {
        // Display names the event, not its id; the renderer applies the generic-syscall rule.
        out.append(typeDisplay);
        return;
      }
      if (id == RAWARG && rawType != null && rawType != FieldType.STRING) {
        out.append(v.longValue());
        return;
      }
      super.appendValue(v, out);
    }

    /**
     * evt.type's value, numbered as {@link FieldCatalog#eventTypeIds} numbers names: the table id,
     * or for a generic syscall event the catalog's id of its syscall, so that {@code evt.type =
     * rt_sigaction} (or {@code finit_module}, generic in older traces) matches it.
     */
    private static long typeId(dev.falco4j.core.event.EventView ev) {
      int type = ev.type();
      if ((type == dev.falco4j.core.event.EventType.GENERIC_E
          || type == dev.falco4j.core.event.EventType.GENERIC_X)
          && ev.paramCount() > 0 && ev.paramLength(0) > 0) {
        long sc = ev.paramAsLong(0, -1);
        if (sc >= 0 && sc < FieldCatalog.MAX_SYSCALL_CODES) {
          return ev.table().size() + sc;
        }
      }
      return type;
    }

    private String typeDisplay = "";
    private String lastHuman = "";
    private long lastHumanValue = -1;

    /** The compile-time type of an evt.rawarg reference (text when not numeric). */
    FieldType rawTypeOrString() {
      return rawType == null ? FieldType.STRING : rawType;
    }

    @Override
    public boolean display(EvalContext ctx, StringBuilder out) {
      if (id == TYPE) {
        if (ctx.event().info() == null) {
          return false;
        }
        typeDisplay = renderer(ctx).typeName(ctx.event());
      }
      return super.display(ctx, out);
    }

    /**
     * The event's topic; I/O events take the topic of their fd (a read from a file is "file", from
     * a socket "net"), as libsinsp refines them.
     */
    private static String category(EvalContext ctx, EventInfo info) {
      int topic = EventCategory.topic(info.category());
      if (topic == EventCategory.IO_READ || topic == EventCategory.IO_WRITE
          || topic == EventCategory.IO_OTHER) {
        FdInfo fd = ctx.fd();
        if (fd == null) {
          return "unknown";
        }
        switch (fd.type()) {
          case FILE: case FILE_V2: case DIRECTORY: return "file";
          case IPV4_SOCK: case IPV6_SOCK: case IPV4_SERVSOCK: case IPV6_SERVSOCK: return "net";
          case FIFO: case UNIX_SOCK: case EVENT: case SIGNALFD: case INOTIFY: return "ipc";
          default: return "unknown";
        }
      }
      if (topic == 0 || topic == EventCategory.INTERNAL) {
        return "unknown";
      }
      return EventCategory.topicName(info.category());
    }

    private long delta(EvalContext ctx) {
      if (prevSeq != ctx.sequence()) {
        long ts = ctx.event().timestamp();
        deltaTs = prevTs == 0 ? 0 : ts - prevTs;
        prevTs = ts;
        prevSeq = ctx.sequence();
      }
      return deltaTs;
    }

    /** Metadata events of known threads have no latency (libsinsp leaves it unset). */
    private static boolean noLatency(EvalContext ctx) {
      EventInfo info = ctx.event().info();
      return info != null && info.hasFlag(EventFlags.SKIPPARSERESET) && ctx.thread() != null;
    }

    /**
     * sysdig's human-readable duration: whole nanoseconds below 1us, else the value in the largest
     * unit (us, ms, s) truncated to two decimals below 10 units and to whole units above.
     */
    static String human(long ns) {
      if (ns < 1_000) {
        return ns + "ns";
      }
      long div;
      String unit;
      if (ns < 1_000_000) {
        div = 1_000;
        unit = "us";
      } else if (ns < 1_000_000_000) {
        div = 1_000_000;
        unit = "ms";
      } else {
        div = 1_000_000_000;
        unit = "s";
      }
      long whole = ns / div;
      if (whole >= 10) {
        return whole + unit;
      }
      long hundredths = (ns % div) * 100 / div;
      return whole + "." + (hundredths < 10 ? "0" : "") + hundredths + unit;
    }

    private String renderedArgs(EvalContext ctx) {
      if (renderedSeq != ctx.sequence()) {
        sb.setLength(0);
        renderer(ctx).appendArgs(ctx.event(), sb);
        rendered = sb.toString();
        renderedSeq = ctx.sequence();
      }
      return rendered;
    }

    private int argPosition(EventView ev) {
      if (argIndex >= 0) {
        return argIndex < ev.paramCount() ? argIndex : -1;
      }
      int i = ev.paramIndex(key);
      return i >= 0 && i < ev.paramCount() ? i : -1;
    }

    private boolean arg(EvalContext ctx, FieldValue out) {
      EventView ev = ctx.event();
      int i = argPosition(ev);
      if (i < 0) {
        return false;
      }
      if (renderedSeq != ctx.sequence()) {
        sb.setLength(0);
        renderer(ctx).appendResolvedValue(ev, i, sb);
        rendered = sb.toString();
        renderedSeq = ctx.sequence();
      }
      text.set(rendered, out);
      return true;
    }

    private boolean rawArg(EventView ev, FieldValue out) {
      int i = argPosition(ev);
      if (i < 0 || ev.paramLength(i) == 0) {
        return false;
      }
      ParamType t = ev.paramType(i);
      if (rawType == FieldType.STRING || rawType == null) {
        int n = t.isText() ? ev.textLength(i) : ev.paramLength(i);
        copyParam(ev, i, n, out);
        return true;
      }
      out.setLong(ev.paramAsLong(i, 0));
      return true;
    }

    private void copyParam(EventView ev, int i, int n, FieldValue out) {
      byte[] dst = out.scratch(n);
      ev.buffer().get(ev.paramOffset(i), dst, 0, n);
      out.setScratchLength(n);
    }

    private static int dataIndex(EventView ev) {
      int i = ev.paramIndex("data");
      return i >= 0 && i < ev.paramCount() ? i : -1;
    }

    private boolean buffer(EventView ev, FieldValue out) {
      int i = dataIndex(ev);
      if (i < 0) {
        return false;
      }
      int n = ev.paramLength(i);
      if (buffer.length < n) {
        buffer = new byte[Math.max(n, buffer.length * 2)];
      }
      ev.buffer().get(ev.paramOffset(i), buffer, 0, n);
      out.setBytes(buffer, 0, n);
      return true;
    }

    /** The syscall result: the exit event's "res" parameter, or an fd/pid result in first place. */
    static long resValue(EventView ev) {
      if (ev.isEnter() || ev.paramCount() == 0 || ev.info() == null) {
        return Long.MIN_VALUE;
      }
      int i = ev.paramIndex("res");
      if (i < 0) {
        ParamType t0 = ev.paramType(0);
        if (t0 == ParamType.FD || t0 == ParamType.PID || t0 == ParamType.ERRNO) {
          i = 0;
        }
      }
      if (i < 0 || i >= ev.paramCount() || ev.paramLength(i) == 0) {
        return Long.MIN_VALUE;
      }
      return ev.paramAsLong(i, Long.MIN_VALUE);
    }

    private static boolean isIo(EventView ev, boolean read, boolean write) {
      EventInfo info = ev.info();
      if (info == null) {
        return false;
      }
      int topic = EventCategory.topic(info.category());
      return (read && topic == EventCategory.IO_READ) || (write && topic == EventCategory.IO_WRITE);
    }

    private static boolean openWith(EvalContext ctx, int flag) {
      EventView ev = ctx.event();
      if (ev.isEnter() || ev.info() == null) {
        return false;
      }
      String n = ev.info().name();
      if (!(n.equals("open") || n.equals("openat") || n.equals("openat2") || n.equals("creat")
          || n.equals("open_by_handle_at"))) {
        return false;
      }
      int flags = ctx.state().currentOpenFlags();
      return flags >= 0 && (flags & flag) == flag;
    }

    private boolean abspath(EvalContext ctx, FieldValue out) {
      FdInfo fd = ctx.fd();
      EventView ev = ctx.event();
      // Only syscalls that take a directory fd: for the others the path is already absolute
      // or relative to the working directory, and sysdig shows nothing.
      if (ev.paramIndex("dirfd") < 0 && ev.paramIndex("olddirfd") < 0
          && ev.paramIndex("linkdirfd") < 0 && ev.paramIndex("newdirfd") < 0) {
        return false;
      }
      return ctx.pathArgs().abspath(ctx, key, text, out);
    }
  }
}
