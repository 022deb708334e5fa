package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.BOOL;
import static dev.falco4j.dsl.compile.FieldType.PID;
import static dev.falco4j.dsl.compile.FieldType.STRING;
import static dev.falco4j.dsl.compile.FieldType.UINT64;

import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code thread.*}: the thread that generated the event: ids, capabilities (as capability names,
 * the form rules match with {@code icontains}), page faults, memory and cgroups.
 */
public final class ThreadFields extends FieldFamily {

  static final int TID = 0, ISMAIN = 1, VTID = 2, CAP_PERMITTED = 3, CAP_INHERITABLE = 4,
      CAP_EFFECTIVE = 5, PFMAJOR = 6, PFMINOR = 7, CGROUPS = 8, CGROUP = 9, VMSIZE = 10,
      VMRSS = 11;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("thread.tid", PID, ArgMode.NONE, "id of the thread that generated the event.", TID),
      new FieldDef("thread.ismain", BOOL, ArgMode.NONE, "true when the thread is the main thread of its process.", ISMAIN),
      new FieldDef("thread.vtid", PID, ArgMode.NONE, "id of the thread as seen from its own pid namespace.", VTID),
      new FieldDef("thread.cap_permitted", STRING, ArgMode.NONE, "the permitted capability set, as capability names separated by spaces.", CAP_PERMITTED),
      new FieldDef("thread.cap_inheritable", STRING, ArgMode.NONE, "the inheritable capability set, as capability names separated by spaces.", CAP_INHERITABLE),
      new FieldDef("thread.cap_effective", STRING, ArgMode.NONE, "the effective capability set, as capability names separated by spaces.", CAP_EFFECTIVE),
      new FieldDef("thread.pfmajor", UINT64, ArgMode.NONE, "major page faults since the thread started.", PFMAJOR),
      new FieldDef("thread.pfminor", UINT64, ArgMode.NONE, "minor page faults since the thread started.", PFMINOR),
      new FieldDef("thread.cgroups", STRING, ArgMode.NONE, "all cgroups of the thread as subsystem=path pairs separated by spaces.", CGROUPS),
      new FieldDef("thread.cgroup", STRING, ArgMode.REQUIRED_KEY, "the cgroup path of one subsystem: thread.cgroup[cpuacct].", CGROUP),
      new FieldDef("thread.vmsize", UINT64, ArgMode.NONE, "virtual memory size of the main thread in KiB (same as proc.vmsize).", VMSIZE),
      new FieldDef("thread.vmrss", UINT64, ArgMode.NONE, "resident set size of the main thread in KiB (same as proc.vmrss).", VMRSS));

  /** Creates the family. */
  public ThreadFields() {}

  @Override
  public String name() {
    return "thread";
  }

  @Override
  public String description() {
    return "The thread that generated the event.";
  }

  @Override
  public List<FieldDef> fields() {
    return DEFS;
  }

  @Override
  protected FieldAccessor accessor(FieldDef def, String key, int index, boolean list) {
    return new Accessor(def, key);
  }

  private static final class Accessor extends FieldAccessor {
    private final int id;
    private final String key;
    private final Utf8Slot text = new Utf8Slot();
    private long capCacheValue = -1;
    private String capCacheText;
    private ThreadInfo cgCacheThread;
    private String[] cgCacheArray;
    private String cgCacheText;

    Accessor(FieldDef def, String key) {
      super(def, false);
      this.id = def.id();
      this.key = key;
    }

    @Override
    public boolean extract(EvalContext ctx, FieldValue out) {
      if (id == TID) {
        out.setLong(ctx.event().threadId());
        return true;
      }
      ThreadInfo t = ctx.thread();
      if (t == null) {
        return false;
      }
      switch (id) {
        case ISMAIN: out.setBoolean(t.isMainThread()); return true;
        case VTID: if (t.vtid() < 0) { return false; } out.setLong(t.vtid()); return true;
        case CAP_PERMITTED: return caps(t.capPermitted(), out);
        case CAP_INHERITABLE: return caps(t.capInheritable(), out);
        case CAP_EFFECTIVE: return caps(t.capEffective(), out);
        case PFMAJOR: out.setLong(t.pfMajor()); return true;
        case PFMINOR: out.setLong(t.pfMinor()); return true;
        case CGROUPS: {
          if (t.cgroups().length == 0) {
            return false;
          }
          if (t != cgCacheThread || t.cgroups() != cgCacheArray) {
            cgCacheThread = t;
            cgCacheArray = t.cgroups();
            cgCacheText = String.join(" ", cgCacheArray);
          }
          text.set(cgCacheText, out);
          return true;
        }
        case CGROUP: {
          String v = t.cgroup(key);
          if (v == null) {
            return false;
          }
          text.set(v, out);
          return true;
        }
        // Memory belongs to the process: the main thread reports it, the others 0.
        case VMSIZE: out.setLong(t.isMainThread() ? t.vmSizeKb() : 0); return true;
        case VMRSS: out.setLong(t.isMainThread() ? t.vmRssKb() : 0); return true;
        default: return false;
      }
    }

    private boolean caps(long set, FieldValue out) {
      if (set != capCacheValue || capCacheText == null) {
        capCacheValue = set;
        capCacheText = Capabilities.names(set);
      }
      text.set(capCacheText, out);
      return true;
    }
  }
}
