package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.ABSTIME;
import static dev.falco4j.dsl.compile.FieldType.BOOL;
import static dev.falco4j.dsl.compile.FieldType.INT64;
import static dev.falco4j.dsl.compile.FieldType.PID;
import static dev.falco4j.dsl.compile.FieldType.RELTIME;
import static dev.falco4j.dsl.compile.FieldType.STRING;
import static dev.falco4j.dsl.compile.FieldType.UINT32;
import static dev.falco4j.dsl.compile.FieldType.UINT64;

import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code proc.*}: the process that generated the event, its parent and ancestors, its session and
 * process group. Values come from the thread table; a process the tracer never saw being created
 * (or seeded) has no values ({@code <NA>}).
 */
public final class ProcFields extends FieldFamily {

  static final int PID_ = 0, EXE = 1, NAME = 2, ARGS = 3, ENV = 4, CMDLINE = 5, EXELINE = 6,
      CWD = 7, NTHREADS = 8, PPID = 9, PNAME = 10, PCMDLINE = 11, APID = 12, ANAME = 13,
      LOGINSHELLID = 14, DURATION = 15, FDOPENCOUNT = 16, FDLIMIT = 17, FDUSAGE = 18, VMSIZE = 19,
      VMRSS = 20, VMSWAP = 21, SID = 22, SNAME = 23, TTY = 24, EXEPATH = 25, VPGID = 26,
      VPGID_NAME = 27, VPGID_EXE = 28, VPGID_EXEPATH = 29, IS_VPGID_LEADER = 30,
      IS_SID_LEADER = 31, SID_EXE = 32, SID_EXEPATH = 33, PEXE = 34, PEXEPATH = 35,
      PPID_DURATION = 36, IS_EXE_WRITABLE = 37, IS_EXE_UPPER = 38, IS_EXE_LOWER = 39,
      IS_EXE_MEMFD = 40, EXE_INO = 41, EXE_INO_CTIME = 42, EXE_INO_MTIME = 43,
      EXE_INO_CTIME_DUR_START = 44, EXE_INO_CTIME_DUR_PIDNS = 45, PIDNS_INIT_START_TS = 46,
      VPID = 47, PVPID = 48, IS_HEALTHCHECK = 49, IS_LIVENESS = 50, IS_READINESS = 51,
      CMDNARGS = 52, CMDLENARGS = 53, AEXE = 54, AEXEPATH = 55, ACMDLINE = 56, PID_TS = 57,
      PPID_TS = 58, PGID = 59;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("proc.pid", PID, ArgMode.NONE, "id of the process (thread group) that generated the event.", PID_),
      new FieldDef("proc.exe", STRING, ArgMode.NONE, "the first command-line argument (argv[0]) as the program was started; usually the executable path or name.", EXE),
      new FieldDef("proc.name", STRING, ArgMode.NONE, "the process name as the kernel keeps it (comm, at most 15 characters).", NAME),
      new FieldDef("proc.args", STRING, ArgMode.NONE, "the command-line arguments after argv[0], joined by spaces.", ARGS),
      new FieldDef("proc.env", STRING, ArgMode.OPTIONAL_KEY, "the environment; with a variable name in brackets (proc.env[HOME]) only that variable's value.", ENV),
      new FieldDef("proc.cmdline", STRING, ArgMode.NONE, "process name followed by its arguments (proc.name + ' ' + proc.args).", CMDLINE),
      new FieldDef("proc.exeline", STRING, ArgMode.NONE, "argv[0] followed by the arguments (proc.exe + ' ' + proc.args).", EXELINE),
      new FieldDef("proc.cwd", STRING, ArgMode.NONE, "the current working directory of the process, ending with a slash.", CWD),
      new FieldDef("proc.nthreads", UINT64, ArgMode.NONE, "number of live threads of the process, the main thread included.", NTHREADS),
      new FieldDef("proc.ppid", PID, ArgMode.NONE, "process id of the parent process.", PPID),
      new FieldDef("proc.pname", STRING, ArgMode.NONE, "name (comm) of the parent process.", PNAME),
      new FieldDef("proc.pcmdline", STRING, ArgMode.NONE, "command line (name and arguments) of the parent process.", PCMDLINE),
      new FieldDef("proc.apid", PID, ArgMode.OPTIONAL_INDEX, "process id of an ancestor: [0] the process itself, [1] its parent, [2] the grandparent...; without an index, the list of all ancestors (for in/intersects).", APID),
      new FieldDef("proc.aname", STRING, ArgMode.OPTIONAL_INDEX, "name of an ancestor: [0] the process itself, [1] its parent, [2] the grandparent...; without an index, the list of all ancestors' names (for in/intersects).", ANAME),
      new FieldDef("proc.loginshellid", PID, ArgMode.NONE, "process id of the oldest shell (sh, bash, zsh...) among the ancestors, including the process itself.", LOGINSHELLID),
      new FieldDef("proc.duration", RELTIME, ArgMode.NONE, "nanoseconds since the process started (as seen by the tracer).", DURATION),
      new FieldDef("proc.fdopencount", UINT64, ArgMode.NONE, "number of fds the process has open.", FDOPENCOUNT),
      new FieldDef("proc.fdlimit", INT64, ArgMode.NONE, "maximum number of fds the process may open (RLIMIT_NOFILE).", FDLIMIT),
      new FieldDef("proc.fdusage", UINT64, ArgMode.NONE, "open fds as a percentage of the fd limit.", FDUSAGE),
      new FieldDef("proc.vmsize", UINT64, ArgMode.NONE, "virtual memory size of the process in KiB.", VMSIZE),
      new FieldDef("proc.vmrss", UINT64, ArgMode.NONE, "resident set size of the process in KiB.", VMRSS),
      new FieldDef("proc.vmswap", UINT64, ArgMode.NONE, "swapped-out memory of the process in KiB.", VMSWAP),
      new FieldDef("proc.sid", PID, ArgMode.NONE, "session id of the process.", SID),
      new FieldDef("proc.sname", STRING, ArgMode.NONE, "name of the session leader process.", SNAME),
      new FieldDef("proc.tty", UINT32, ArgMode.NONE, "controlling terminal device number; 0 when the process has no terminal.", TTY),
      new FieldDef("proc.exepath", STRING, ArgMode.NONE, "full path of the executable the process runs.", EXEPATH),
      new FieldDef("proc.vpgid", PID, ArgMode.NONE, "process group id as seen from the process's own pid namespace.", VPGID),
      new FieldDef("proc.vpgid.name", STRING, ArgMode.NONE, "name of the process group leader.", VPGID_NAME),
      new FieldDef("proc.vpgid.exe", STRING, ArgMode.NONE, "argv[0] of the process group leader.", VPGID_EXE),
      new FieldDef("proc.vpgid.exepath", STRING, ArgMode.NONE, "executable path of the process group leader.", VPGID_EXEPATH),
      new FieldDef("proc.is_vpgid_leader", BOOL, ArgMode.NONE, "true when the process leads its process group.", IS_VPGID_LEADER),
      new FieldDef("proc.is_sid_leader", BOOL, ArgMode.NONE, "true when the process leads its session.", IS_SID_LEADER),
      new FieldDef("proc.sid.exe", STRING, ArgMode.NONE, "argv[0] of the session leader.", SID_EXE),
      new FieldDef("proc.sid.exepath", STRING, ArgMode.NONE, "executable path of the session leader.", SID_EXEPATH),
      new FieldDef("proc.pexe", STRING, ArgMode.NONE, "argv[0] of the parent process.", PEXE),
      new FieldDef("proc.pexepath", STRING, ArgMode.NONE, "executable path of the parent process.", PEXEPATH),
      new FieldDef("proc.ppid.duration", RELTIME, ArgMode.NONE, "nanoseconds since the parent process started.", PPID_DURATION),
      new FieldDef("proc.is_exe_writable", BOOL, ArgMode.NONE, "true when the user running the process may write its executable.", IS_EXE_WRITABLE),
      new FieldDef("proc.is_exe_upper_layer", BOOL, ArgMode.NONE, "true when the executable sits in the upper (writable) layer of an overlay filesystem, e.g. was added to a running container.", IS_EXE_UPPER),
      new FieldDef("proc.is_exe_lower_layer", BOOL, ArgMode.NONE, "true when the executable sits in a lower (image) layer of an overlay filesystem.", IS_EXE_LOWER),
      new FieldDef("proc.is_exe_from_memfd", BOOL, ArgMode.NONE, "true when the executable is a memfd, i.e. the program was run without a file on disk.", IS_EXE_MEMFD),
      new FieldDef("proc.exe_ino", INT64, ArgMode.NONE, "inode number of the executable.", EXE_INO),
      new FieldDef("proc.exe_ino.ctime", ABSTIME, ArgMode.NONE, "last status change time of the executable's inode, ns since the epoch.", EXE_INO_CTIME),
      new FieldDef("proc.exe_ino.mtime", ABSTIME, ArgMode.NONE, "last modification time of the executable, ns since the epoch.", EXE_INO_MTIME),
      new FieldDef("proc.exe_ino.ctime_duration_proc_start", RELTIME, ArgMode.NONE, "nanoseconds between the executable's last status change and the process start.", EXE_INO_CTIME_DUR_START),
      new FieldDef("proc.exe_ino.ctime_duration_pidns_start", RELTIME, ArgMode.NONE, "nanoseconds between the start of the pid namespace and the executable's last status change.", EXE_INO_CTIME_DUR_PIDNS),
      new FieldDef("proc.pidns_init_start_ts", UINT64, ArgMode.NONE, "start time of the init process of the process's pid namespace, ns since the epoch.", PIDNS_INIT_START_TS),
      new FieldDef("proc.vpid", PID, ArgMode.NONE, "process id as seen from the process's own pid namespace.", VPID),
      new FieldDef("proc.pvpid", PID, ArgMode.NONE, "parent process id as seen from the parent's pid namespace.", PVPID),
      new FieldDef("proc.is_container_healthcheck", BOOL, ArgMode.NONE, "true when the process runs a container health check (needs runtime metadata; false otherwise).", IS_HEALTHCHECK),
      new FieldDef("proc.is_container_liveness_probe", BOOL, ArgMode.NONE, "true when the process runs a Kubernetes liveness probe (needs runtime metadata; false otherwise).", IS_LIVENESS),
      new FieldDef("proc.is_container_readiness_probe", BOOL, ArgMode.NONE, "true when the process runs a Kubernetes readiness probe (needs runtime metadata; false otherwise).", IS_READINESS),
      new FieldDef("proc.cmdnargs", UINT64, ArgMode.NONE, "number of command-line arguments after argv[0].", CMDNARGS),
      new FieldDef("proc.cmdlenargs", UINT64, ArgMode.NONE, "total length of the command-line arguments after argv[0], separators excluded.", CMDLENARGS),
      new FieldDef("proc.aexe", STRING, ArgMode.OPTIONAL_INDEX, "argv[0] of an ancestor, indexed like proc.aname; without an index the list of all ancestors'.", AEXE),
      new FieldDef("proc.aexepath", STRING, ArgMode.OPTIONAL_INDEX, "executable path of an ancestor, indexed like proc.aname; without an index the list of all ancestors'.", AEXEPATH),
      new FieldDef("proc.acmdline", STRING, ArgMode.OPTIONAL_INDEX, "command line of an ancestor, indexed like proc.aname; without an index the list of all ancestors'.", ACMDLINE),
      new FieldDef("proc.pid.ts", ABSTIME, ArgMode.NONE, "start time of the process, ns since the epoch.", PID_TS),
      new FieldDef("proc.ppid.ts", ABSTIME, ArgMode.NONE, "start time of the parent process, ns since the epoch.", PPID_TS),
      new FieldDef("proc.pgid", PID, ArgMode.NONE, "process group id in the host pid namespace.", PGID));

  /** Creates the family. */
  public ProcFields() {}

  @Override
  public String name() {
    return "proc";
  }

  @Override
  public String description() {
    return "The process that generated the event: its program, arguments, working directory,"
        + " resources, session, parent and ancestors.";
  }

  @Override
  public List<FieldDef> fields() {
    return DEFS;
  }

  @Override
  protected FieldAccessor accessor(FieldDef def, String arg, int index, boolean list) {
    return new Accessor(def, arg, index, list);
  }

  private static final class Accessor extends FieldAccessor {
    private final int id;
    private final String key;
    private final int index;
    private final Utf8Slot text = new Utf8Slot();
    private final StringBuilder sb = new StringBuilder();
    private ThreadInfo exelineThread;
    private String exelineExe;
    private String[] exelineArgv;
    private String exelineCache;
    private String envCache;
    private ThreadInfo envCacheThread;
    private String[] envCacheArray;

    Accessor(FieldDef def, String key, int index, boolean list) {
      super(def, list);
      this.id = def.id();
      this.key = key;
      this.index = index;
    }

    private boolean str(String s, FieldValue out) {
      if (s == null) {
        return false;
      }
      text.set(s, out);
      return true;
    }

    private static boolean known(ThreadInfo t) {
      return t != null;
    }

    private boolean nonEmpty(String s, FieldValue out) {
      return !s.isEmpty() && str(s, out);
    }

    @Override
    public boolean extract(EvalContext ctx, FieldValue out) {
      if (isMultiValued()) {
        return count(ctx) > 0 && extractAt(ctx, 0, out);
      }
      ThreadInfo t = ctx.thread();
      if (t == null) {
        return false;
      }
      switch (id) {
        case PID_: out.setLong(t.pid()); return true;
        case EXE: return nonEmpty(t.exe(), out);
        case NAME: return nonEmpty(t.comm(), out);
        case ARGS: return str(t.args(), out);
        case ENV: return str(env(t), out);
        case CMDLINE: return !t.comm().isEmpty() && str(t.cmdline(), out);
        case EXELINE: return known(t) && str(exeline(t), out);
        case CWD: return known(t) && str(t.cwd(), out);
        case NTHREADS: out.setLong(t.threadCount()); return true;
        case PPID: out.setLong(t.mainThread().ptid()); return true;
        case PNAME: return parentStr(ctx, 0, out);
        case PCMDLINE: return parentStr(ctx, 1, out);
        case PEXE: return parentStr(ctx, 2, out);
        case PEXEPATH: return parentStr(ctx, 3, out);
        case APID: { ThreadInfo a = ctx.ancestor(index); return a != null && valueIf(true, a.pid(), out); }
        case ANAME: { ThreadInfo a = ctx.ancestor(index); return a != null && nonEmpty(a.comm(), out); }
        case AEXE: { ThreadInfo a = ctx.ancestor(index); return known(a) && str(a.exe(), out); }
        case AEXEPATH: { ThreadInfo a = ctx.ancestor(index); return known(a) && str(a.exePath(), out); }
        case ACMDLINE: { ThreadInfo a = ctx.ancestor(index); return known(a) && str(a.cmdline(), out); }
        case LOGINSHELLID: return loginShell(ctx, t, out);
        case DURATION: return duration(ctx, t, out);
        case PPID_DURATION: { ThreadInfo p = ctx.parent(); return p != null && duration(ctx, p, out); }
        case FDOPENCOUNT: out.setLong(t.fds().size()); return true;
        case FDLIMIT: out.setLong(t.fdLimit()); return true;
        case FDUSAGE: return valueIf(t.fdLimit() > 0, t.fds().size() * 100L / Math.max(1, t.fdLimit()), out);
        case VMSIZE: out.setLong(t.vmSizeKb()); return true;
        case VMRSS: out.setLong(t.vmRssKb()); return true;
        case VMSWAP: out.setLong(t.vmSwapKb()); return true;
        case SID: out.setLong(t.sid()); return true;
        case SNAME: return groupLeaderStr(ctx, t, true, 0, out);
        case SID_EXE: return groupLeaderStr(ctx, t, true, 1, out);
        case SID_EXEPATH: return groupLeaderStr(ctx, t, true, 2, out);
        case TTY: out.setLong(Integer.toUnsignedLong(t.tty())); return true;
        case EXEPATH: return known(t) && str(t.exePath(), out);
        case VPGID: out.setLong(t.vpgid()); return true;
        case VPGID_NAME: return groupLeaderStr(ctx, t, false, 0, out);
        case VPGID_EXE: return groupLeaderStr(ctx, t, false, 1, out);
        case VPGID_EXEPATH: return groupLeaderStr(ctx, t, false, 2, out);
        case IS_VPGID_LEADER: return boolIf(t.vpgid() >= 0, leaderId(t) == t.vpgid(), out);
        case IS_SID_LEADER: return boolIf(t.sid() >= 0, leaderId(t) == t.sid(), out);
        case IS_EXE_WRITABLE: out.setBoolean(t.exeWritable()); return true;
        case IS_EXE_UPPER: out.setBoolean(t.exeUpperLayer()); return true;
        case IS_EXE_LOWER: out.setBoolean(t.exeLowerLayer()); return true;
        case IS_EXE_MEMFD: out.setBoolean(t.exeFromMemfd()); return true;
        case EXE_INO: return valueIf(t.exeIno() != 0, t.exeIno(), out);
        case EXE_INO_CTIME: return valueIf(t.exeInoCtime() != 0, t.exeInoCtime(), out);
        case EXE_INO_MTIME: return valueIf(t.exeInoMtime() != 0, t.exeInoMtime(), out);
        case EXE_INO_CTIME_DUR_START:
          return valueIf(t.exeInoCtime() != 0 && t.mainThread().cloneTs() != 0,
              t.mainThread().cloneTs() - t.exeInoCtime(), out);
        case EXE_INO_CTIME_DUR_PIDNS:
          return valueIf(t.exeInoCtime() != 0 && t.pidnsInitStartTs() != 0,
              t.exeInoCtime() - t.pidnsInitStartTs(), out);
        case PIDNS_INIT_START_TS: return valueIf(t.pidnsInitStartTs() != 0, t.pidnsInitStartTs(), out);
        case VPID: return valueIf(t.vpid() >= 0, t.vpid(), out);
        case PVPID: { ThreadInfo p = ctx.parent(); return p != null && valueIf(p.vpid() >= 0, p.vpid(), out); }
        case IS_HEALTHCHECK: case IS_LIVENESS: case IS_READINESS: out.setBoolean(false); return true;
        case CMDNARGS: out.setLong(t.argv().length); return known(t);
        case CMDLENARGS: { long n = 0; for (String a : t.argv()) { n += a.length(); } out.setLong(n); return known(t); }
        case PID_TS: return valueIf(t.mainThread().cloneTs() != 0, t.mainThread().cloneTs(), out);
        case PPID_TS: { ThreadInfo p = ctx.parent(); return p != null && valueIf(p.mainThread().cloneTs() != 0, p.mainThread().cloneTs(), out); }
        case PGID: return valueIf(t.pgid() >= 0, t.pgid(), out);
        default: return false;
      }
    }

    private static long leaderId(ThreadInfo t) {
      return t.vpid() >= 0 ? t.vpid() : t.pid();
    }

    private static boolean valueIf(boolean known, long v, FieldValue out) {
      if (known) {
        out.setLong(v);
      }
      return known;
    }

    private static boolean boolIf(boolean known, boolean v, FieldValue out) {
      if (known) {
        out.setBoolean(v);
      }
      return known;
    }

    private boolean parentStr(EvalContext ctx, int what, FieldValue out) {
      ThreadInfo p = ctx.parent();
      if (!known(p)) {
        return false;
      }
      switch (what) {
        case 0: return str(p.comm(), out);
        case 1: return str(p.cmdline(), out);
        case 2: return str(p.exe(), out);
        default: return str(p.exePath(), out);
      }
    }

    /**
     * The session (or process group) leader: the process whose id is the session (group) id, or
     * else the eldest ancestor in the same session (group), as Falco defines proc.sname.
     */
    private boolean groupLeaderStr(EvalContext ctx, ThreadInfo t, boolean session, int what,
        FieldValue out) {
      // The eldest ancestor in the same session (group), the process itself if none.
      ThreadInfo self = t.mainThread();
      long id = session ? self.sid() : self.vpgid();
      ThreadInfo l = self;
      int n = ctx.ancestorCount();
      for (int i = 1; i <= n; i++) {
        ThreadInfo a = ctx.ancestor(i);
        if (a == null || (session ? a.sid() : a.vpgid()) != id) {
          break;
        }
        l = a;
      }
      if (l.comm().isEmpty()) {
        return false;
      }
      switch (what) {
        case 0: return str(l.comm(), out);
        case 1: return str(l.exe(), out);
        default: return str(l.exePath(), out);
      }
    }

    private static boolean duration(EvalContext ctx, ThreadInfo t, FieldValue out) {
      if (t.cloneTs() == 0) {
        return false;
      }
      out.setLong(ctx.event().timestamp() - t.cloneTs());
      return true;
    }

    private boolean loginShell(EvalContext ctx, ThreadInfo t, FieldValue out) {
      long found = -1;
      if (isShell(t.comm())) {
        found = t.pid();
      }
      int n = ctx.ancestorCount();
      for (int i = 1; i <= n; i++) {
        ThreadInfo a = ctx.ancestor(i);
        if (a != null && isShell(a.comm())) {
          found = a.pid();
        }
      }
      return valueIf(found >= 0, found, out);
    }

    private static boolean isShell(String comm) {
      switch (comm) {
        case "sh": case "bash": case "csh": case "tcsh": case "ksh": case "zsh": case "dash":
        case "ash": case "fish":
          return true;
        default:
          return comm.endsWith("sh") && comm.length() <= 5;
      }
    }

    /** argv[0] and arguments, cached per thread, exe and argv objects (changed only by exec). */
    private String exeline(ThreadInfo t) {
      if (t == exelineThread && t.exe() == exelineExe && t.argv() == exelineArgv) {
        return exelineCache;
      }
      sb.setLength(0);
      sb.append(t.exe().isEmpty() ? "<NA>" : t.exe()).append(' ').append(t.args());
      exelineThread = t;
      exelineExe = t.exe();
      exelineArgv = t.argv();
      exelineCache = sb.toString();
      return exelineCache;
    }

    /** The environment (whole or one variable), cached per thread and environment array. */
    private String env(ThreadInfo t) {
      String[] e = t.env();
      if (t == envCacheThread && e == envCacheArray) {
        return envCache;
      }
      envCacheThread = t;
      envCacheArray = e;
      envCache = key == null ? String.join(" ", e) : t.envValue(key);
      return envCache;
    }

    @Override
    public boolean display(EvalContext ctx, StringBuilder out) {
      if (id == FDUSAGE) {
        // Shown with one decimal, as a share of the limit in percent.
        ThreadInfo t = ctx.thread();
        if (t == null) {
          return false;
        }
        long tenths = t.fdLimit() <= 0 ? 0 : Math.round(t.fds().size() * 1000.0 / t.fdLimit());
        out.append(tenths / 10).append('.').append(tenths % 10);
        return true;
      }
      return super.display(ctx, out);
    }

    /** Without an index the ancestor fields match when any ancestor does, as in Falco. */
    @Override
    public boolean matchesAnyValue() {
      return isMultiValued();
    }

    @Override
    public int count(EvalContext ctx) {
      return isMultiValued() ? ctx.ancestorCount() : 0;
    }

    @Override
    public boolean extractAt(EvalContext ctx, int i, FieldValue out) {
      ThreadInfo a = ctx.ancestor(i + 1);
      if (a == null) {
        return false;
      }
      switch (id) {
        case APID: out.setLong(a.pid()); return true;
        case ANAME: return known(a) && str(a.comm(), out);
        case AEXE: return known(a) && str(a.exe(), out);
        case AEXEPATH: return known(a) && str(a.exePath(), out);
        case ACMDLINE: return known(a) && str(a.cmdline(), out);
        default: return false;
      }
    }
  }
}
