package dev.falco4j.core.event;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An event table with its companion tables (flag sets, {@code ppm_sc} names, dynamic params,
 * errno and signal names), generated from shared/spec. Two versions exist:
 *
 * <ul>
 *   <li>{@link #current()}: falcosecurity/libs 48dfd53c (454 event types), used to decode;
 *   <li>{@link #sysdig029()}: libs e5c53d64 (336 types), the tables Debian's sysdig 0.29.3 is built
 *       with; used to render events the way that sysdig does and to write traces it can read.
 * </ul>
 *
 * Immutable and thread-safe; lookups by id are array reads.
 */
public final class EventTable {

  private static final class CurrentHolder {
    static final EventTable INSTANCE = load("libs 48dfd53c", true);
  }

  private static final class Sysdig029Holder {
    static final EventTable INSTANCE = load("libs e5c53d64 (sysdig 0.29.3)", false);
  }

  private final String version;
  private final EventInfo[] events;
  private final Map<String, FlagSet> flagSets;
  private final Map<String, DynamicParamTable> dynamicTables;
  private final String[] ppmScNames;
  private final String[] errnoNames;
  private final String[] signalNames;
  private final List<SyscallInfo> syscalls;
  private final SyscallInfo[] syscallsByNr;

  private EventTable(Loader l, String version) {
    this.version = version;
    this.events = l.events.toArray(new EventInfo[0]);
    for (int i = 0; i < events.length; i++) {
      if (events[i] == null || events[i].id() != i) {
        throw new IllegalStateException("event table " + version + ": row " + i + " missing");
      }
    }
    this.flagSets = Collections.unmodifiableMap(l.flagSets);
    this.dynamicTables = Collections.unmodifiableMap(l.dynTables);
    this.ppmScNames = toArray(l.ppmSc);
    this.errnoNames = toArray(l.errno);
    this.signalNames = toArray(l.signals);
    this.syscalls = List.copyOf(l.syscalls);
    int maxNr = -1;
    for (SyscallInfo s : syscalls) {
      maxNr = Math.max(maxNr, s.nr());
    }
    this.syscallsByNr = new SyscallInfo[maxNr + 1];
    for (SyscallInfo s : syscalls) {
      syscallsByNr[s.nr()] = s;
    }
  }

  private static String[] toArray(Map<Integer, String> byValue) {
    int max = -1;
    for (int k : byValue.keySet()) {
      max = Math.max(max, k);
    }
    String[] out = new String[max + 1];
    for (Map.Entry<Integer, String> e : byValue.entrySet()) {
      out[e.getKey()] = e.getValue();
    }
    return out;
  }

  private static EventTable load(String version, boolean current) {
    Loader l = new Loader();
    if (current) {
      CurrentFlagData.load(l);
      CurrentNameData.load(l);
      CurrentEventData.load(l);
      SyscallTableData.load(l);
    } else {
      Sysdig029FlagData.load(l);
      Sysdig029NameData.load(l);
      Sysdig029EventData.load(l);
    }
    return new EventTable(l, version);
  }

  /** The current table (falcosecurity/libs 48dfd53c), used to decode events. */
  public static EventTable current() {
    return CurrentHolder.INSTANCE;
  }

  /** The table of Debian's sysdig 0.29.3 (libs e5c53d64, March 2022). */
  public static EventTable sysdig029() {
    return Sysdig029Holder.INSTANCE;
  }

  /** Which libs revision the table comes from. */
  public String version() {
    return version;
  }

  /** Number of event type ids (454 current, 336 for sysdig 0.29). */
  public int size() {
    return events.length;
  }

  /** The event type {@code id}, or null when the id is outside the table. */
  public EventInfo event(int id) {
    return id >= 0 && id < events.length ? events[id] : null;
  }

  /** True when {@code id} is a row of this table. */
  public boolean isKnown(int id) {
    return id >= 0 && id < events.length;
  }

  /** The flag set named {@code name}, or null. */
  public FlagSet flagSet(String name) {
    return flagSets.get(name);
  }

  /** All flag sets by name, in table order. */
  public Map<String, FlagSet> flagSets() {
    return flagSets;
  }

  /** The dynamic-param table named {@code name}, or null. */
  public DynamicParamTable dynamicTable(String name) {
    return dynamicTables.get(name);
  }

  /** The syscall name of a {@code ppm_sc} code (the value of {@code PT_SYSCALLID}), or null. */
  public String syscallName(int ppmSc) {
    return ppmSc >= 0 && ppmSc < ppmScNames.length ? ppmScNames[ppmSc] : null;
  }

  /** The name of a positive errno value ({@code 2 -> ENOENT}), or null. */
  public String errnoName(long errno) {
    return errno > 0 && errno < errnoNames.length ? errnoNames[(int) errno] : null;
  }

  /** The name of a signal number ({@code 9 -> SIGKILL}), or null. */
  public String signalName(long signal) {
    return signal > 0 && signal < signalNames.length ? signalNames[(int) signal] : null;
  }

  /** The x86_64 syscalls (current table only; empty for the sysdig 0.29 table). */
  public List<SyscallInfo> syscalls() {
    return syscalls;
  }

  /** The syscall with native number {@code nr}, or null. */
  public SyscallInfo syscallByNr(int nr) {
    return nr >= 0 && nr < syscallsByNr.length ? syscallsByNr[nr] : null;
  }

  /** The first event type with this name and direction, preferring non-old versions, or null. */
  public EventInfo find(String name, boolean enter) {
    EventInfo fallback = null;
    for (int i = events.length - 1; i >= 0; i--) {
      EventInfo e = events[i];
      if (e.isEnter() == enter && e.name().equals(name)) {
        if (!e.hasFlag(EventFlags.OLD_VERSION)) {
          return e;
        }
        fallback = fallback == null ? e : fallback;
      }
    }
    return fallback;
  }

  /** Receives the generated rows; used only by the generated {@code *Data} classes. */
  static final class Loader {
    final List<EventInfo> events = new ArrayList<>();
    final Map<String, FlagSet> flagSets = new LinkedHashMap<>();
    final Map<String, DynamicParamTable> dynTables = new LinkedHashMap<>();
    final Map<Integer, String> ppmSc = new HashMap<>();
    final Map<Integer, String> errno = new HashMap<>();
    final Map<Integer, String> signals = new HashMap<>();
    final List<SyscallInfo> syscalls = new ArrayList<>();

    void flagSet(String name, String[] symbols, long[] values) {
      flagSets.put(name, new FlagSet(name, symbols, values));
    }

    void dynamic(String table, ParamInfo... alternatives) {
      dynTables.put(table, new DynamicParamTable(table, List.of(alternatives)));
    }

    void ppmSc(int code, String name) {
      ppmSc.put(code, name);
    }

    void errno(int value, String name) {
      errno.put(value, name);
    }

    void signal(int value, String name) {
      signals.put(value, name);
    }

    void syscall(
        int nr, String name, boolean generic, int enter, int exit, int ppmScCode, String flags) {
      syscalls.add(new SyscallInfo(nr, name, generic, enter, exit, ppmScCode, flags));
    }

    ParamInfo p(String name, ParamType type, PrintFormat format) {
      return new ParamInfo(name, type, format, null, -1, null);
    }

    ParamInfo p(
        String name, ParamType type, PrintFormat format, String flags, int dirfd, String dyn) {
      FlagSet set = null;
      if (flags != null) {
        set = flagSets.get(flags);
        if (set == null) {
          throw new IllegalStateException("param " + name + ": unknown flag set " + flags);
        }
      }
      DynamicParamTable dt = null;
      if (dyn != null) {
        dt = dynTables.get(dyn);
        if (dt == null) {
          throw new IllegalStateException("param " + name + ": unknown dynamic table " + dyn);
        }
      }
      return new ParamInfo(name, type, format, set, dirfd, dt);
    }

    void event(int id, String name, int category, int flags, String symbol, ParamInfo... params) {
      if (id != events.size()) {
        throw new IllegalStateException("event rows out of order at " + id);
      }
      events.add(new EventInfo(id, name, category, flags, symbol, params));
    }
  }
}
