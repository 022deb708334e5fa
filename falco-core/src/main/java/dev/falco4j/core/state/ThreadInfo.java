package dev.falco4j.core.state;

/**
 * One thread as the state tracker knows it: ids, the program it runs (comm, exe, args, env), its
 * credentials, session and terminal, cgroups and container, and the fd table of its process.
 *
 * <p>Process-wide values ({@code proc.*}) are read from the thread that generated an event; like
 * Falco, the fd table and the working directory are those of the process (threads share them), so
 * {@link #cwd()} and {@link #fds()} go through the main thread.
 *
 * <p>Mutable and owned by {@link SystemState}; valid until the next event is applied. Derived strings
 * ({@link #args()}, {@link #cmdline()}) are computed once per change, not per event.
 */
public final class ThreadInfo {

  private static final String[] NO_STRINGS = new String[0];

  long tid;
  long pid;
  long ptid;
  long sid = -1;
  long vpgid = -1;
  long pgid = -1;
  long vtid = -1;
  long vpid = -1;
  String comm = "";
  String exe = "";
  String exePath = "";
  String[] argv = NO_STRINGS;
  String[] env = NO_STRINGS;
  String[] cgroups = NO_STRINGS;
  String cwd = "/";
  String root = "/";
  long fdLimit;
  int cloneFlags;
  int uid;
  int gid;
  int loginUid = -1;
  int tty;
  long capInheritable;
  long capPermitted;
  long capEffective;
  long vmSizeKb;
  long vmRssKb;
  long vmSwapKb;
  long pfMajor;
  long pfMinor;
  boolean exeWritable;
  boolean exeUpperLayer;
  boolean exeLowerLayer;
  boolean exeFromMemfd;
  long exeIno;
  long exeInoCtime;
  long exeInoMtime;
  long pidnsInitStartTs;
  long cloneTs;
  long lastEventTs;
  long lastExecTs;
  String containerId = "";
  int nthreads = 1;
  /** The main thread of the process (this one for a main thread). */
  ThreadInfo main = this;
  FdTable fds;
  /** Set when the thread exited but is kept because other threads of its process live on. */
  boolean dead;
  /** True when the entry was invented for an unknown tid rather than seen being created. */
  boolean partial;

  /** Scratch copy of the last enter event of this thread (old traces split args enter/exit). */
  java.nio.ByteBuffer lastEnter;
  int lastEnterType = -1;
  /** Whether {@link #lastEnter} holds the last enter event (only when its exit's handler reads it). */
  boolean lastEnterCopied;
  long lastEnterFd = -1;
  long lastEnterTs;

  private String argsJoined;
  private String cmdlineJoined;

  /** Creates an empty thread; the state fills it in. */
  ThreadInfo(long tid) {
    this.tid = tid;
    this.pid = tid;
  }

  /** Thread id (host pid namespace). */
  public long tid() {
    return tid;
  }

  /** Process id: the thread group id. */
  public long pid() {
    return pid;
  }

  /** Parent process id. */
  public long ptid() {
    return ptid;
  }

  /** Session id, -1 when not known. */
  public long sid() {
    return sid;
  }

  /** Process group id as seen in the thread's pid namespace, -1 when not known. */
  public long vpgid() {
    return vpgid;
  }

  /** Process group id in the host namespace, -1 when not known. */
  public long pgid() {
    return pgid;
  }

  /** Thread id inside its pid namespace, -1 when not known. */
  public long vtid() {
    return vtid;
  }

  /** Process id inside its pid namespace, -1 when not known. */
  public long vpid() {
    return vpid;
  }

  /** The command name (kernel comm, at most 15 characters as the kernel keeps it). */
  public String comm() {
    return comm;
  }

  /** argv[0] as the program was started. */
  public String exe() {
    return exe;
  }

  /** The full path of the executable, when known. */
  public String exePath() {
    return exePath;
  }

  /** The arguments after argv[0]; do not modify. */
  public String[] argv() {
    return argv;
  }

  /** The environment as {@code NAME=value} strings; do not modify. */
  public String[] env() {
    return env;
  }

  /** The cgroups as {@code subsystem=path} strings; do not modify. */
  public String[] cgroups() {
    return cgroups;
  }

  /** The current working directory of the process, with a trailing slash as Falco keeps it. */
  public String cwd() {
    return main == this ? cwd : main.cwd;
  }

  /** The root directory of the process. */
  public String root() {
    return root;
  }

  /** The open-files limit (RLIMIT_NOFILE). */
  public long fdLimit() {
    return fdLimit;
  }

  /** The {@code PPM_CL_*} flags of the clone that created the thread. */
  public int cloneFlags() {
    return cloneFlags;
  }

  /** User id (unsigned 32-bit value in an int). */
  public int uid() {
    return uid;
  }

  /** Group id (unsigned 32-bit value in an int). */
  public int gid() {
    return gid;
  }

  /** Audit login uid; -1 (4294967295) when not set. */
  public int loginUid() {
    return loginUid;
  }

  /** Controlling terminal device number, 0 for none. */
  public int tty() {
    return tty;
  }

  /** Inheritable capability set. */
  public long capInheritable() {
    return capInheritable;
  }

  /** Permitted capability set. */
  public long capPermitted() {
    return capPermitted;
  }

  /** Effective capability set. */
  public long capEffective() {
    return capEffective;
  }

  /** Virtual memory size in KiB. */
  public long vmSizeKb() {
    return vmSizeKb;
  }

  /** Resident set size in KiB. */
  public long vmRssKb() {
    return vmRssKb;
  }

  /** Swapped-out memory in KiB. */
  public long vmSwapKb() {
    return vmSwapKb;
  }

  /** Major page faults. */
  public long pfMajor() {
    return pfMajor;
  }

  /** Minor page faults. */
  public long pfMinor() {
    return pfMinor;
  }

  /** True when the executable is writable by the user running it. */
  public boolean exeWritable() {
    return exeWritable;
  }

  /** True when the executable lives in the upper layer of an overlay filesystem. */
  public boolean exeUpperLayer() {
    return exeUpperLayer;
  }

  /** True when the executable lives in a lower layer of an overlay filesystem. */
  public boolean exeLowerLayer() {
    return exeLowerLayer;
  }

  /** True when the executable is a memfd (fileless execution). */
  public boolean exeFromMemfd() {
    return exeFromMemfd;
  }

  /** Inode of the executable, 0 when not known. */
  public long exeIno() {
    return exeIno;
  }

  /** ctime of the executable's inode, ns since the epoch; 0 when not known. */
  public long exeInoCtime() {
    return exeInoCtime;
  }

  /** mtime of the executable's inode, ns since the epoch; 0 when not known. */
  public long exeInoMtime() {
    return exeInoMtime;
  }

  /** Start time of the pid namespace's init process, ns; 0 when not known. */
  public long pidnsInitStartTs() {
    return pidnsInitStartTs;
  }

  /** When the thread was created (clone event time or trace/proc seed), ns since the epoch. */
  public long cloneTs() {
    return cloneTs;
  }

  /** Time of the last event of this thread. */
  public long lastEventTs() {
    return lastEventTs;
  }

  /** Time of the last successful execve, 0 if none seen. */
  public long lastExecTs() {
    return lastExecTs;
  }

  /** The container id, empty for the host. */
  public String containerId() {
    return containerId;
  }

  /** Number of live threads of the process (read it on the main thread). */
  public int threadCount() {
    return main.nthreads;
  }

  /** The main thread of the process (this thread if it is the main one). */
  public ThreadInfo mainThread() {
    return main;
  }

  /** True when this thread is the main thread of its process. */
  public boolean isMainThread() {
    return tid == pid;
  }

  /** True when the entry was created for an unknown thread rather than from a seed or a clone. */
  public boolean isPartial() {
    return partial;
  }

  /** The process's fd table (shared by its threads); never null for a live thread. */
  public FdTable fds() {
    return fds;
  }

  /** {@code proc.args}: the arguments joined by single spaces. */
  public String args() {
    String s = argsJoined;
    if (s == null) {
      s = String.join(" ", argv);
      argsJoined = s;
    }
    return s;
  }

  /** {@code proc.cmdline}: comm followed by the arguments. */
  public String cmdline() {
    String s = cmdlineJoined;
    if (s == null) {
      s = argv.length == 0 ? comm : comm + " " + args();
      cmdlineJoined = s;
    }
    return s;
  }

  /** The value of an environment variable, or null when it is not set. */
  public String envValue(String name) {
    for (String entry : env) {
      if (entry.length() > name.length()
          && entry.charAt(name.length()) == '='
          && entry.startsWith(name)) {
        return entry.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** The cgroup path of one subsystem ({@code cpu}, {@code memory} ... or empty for cgroup v2). */
  public String cgroup(String subsystem) {
    for (String entry : cgroups) {
      int eq = entry.indexOf('=');
      if (eq >= 0 && entry.regionMatches(0, subsystem, 0, eq) && eq == subsystem.length()) {
        return entry.substring(eq + 1);
      }
    }
    return null;
  }

  /** Invalidates the cached joined strings after comm/args changed. */
  void programChanged() {
    argsJoined = null;
    cmdlineJoined = null;
  }

  /** Copies what a child inherits from its parent at clone time. */
  void inheritFrom(ThreadInfo parent) {
    comm = parent.comm;
    exe = parent.exe;
    exePath = parent.exePath;
    argv = parent.argv;
    env = parent.env;
    cgroups = parent.cgroups;
    cwd = parent.cwd();
    root = parent.root;
    fdLimit = parent.fdLimit;
    uid = parent.uid;
    gid = parent.gid;
    loginUid = parent.loginUid;
    tty = parent.tty;
    sid = parent.sid;
    vpgid = parent.vpgid;
    pgid = parent.pgid;
    capInheritable = parent.capInheritable;
    capPermitted = parent.capPermitted;
    capEffective = parent.capEffective;
    exeWritable = parent.exeWritable;
    exeUpperLayer = parent.exeUpperLayer;
    exeLowerLayer = parent.exeLowerLayer;
    exeFromMemfd = parent.exeFromMemfd;
    exeIno = parent.exeIno;
    exeInoCtime = parent.exeInoCtime;
    exeInoMtime = parent.exeInoMtime;
    pidnsInitStartTs = parent.pidnsInitStartTs;
    containerId = parent.containerId;
    lastExecTs = parent.lastExecTs;
    programChanged();
  }

  @Override
  public String toString() {
    return "thread " + tid + " (pid " + pid + ", " + comm + ")";
  }
}
