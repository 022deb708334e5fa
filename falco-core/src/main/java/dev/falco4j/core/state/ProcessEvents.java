package dev.falco4j.core.state;

import dev.falco4j.core.event.EventView;

/**
 * How process-level events change the thread table: clone/fork/vfork/clone3 create threads,
 * execve/execveat replace the program, procexit removes the thread, and chdir, setuid/setgid
 * family, setsid, setpgid, prctl(PR_SET_NAME), capset and chroot update it. Mirrors Falco's
 * parser semantics; failed syscalls change nothing.
 */
final class ProcessEvents {

  static final int CL_CLONE_FILES = 0x1;
  static final int CL_CLONE_THREAD = 0x2000;
  private static final long PR_SET_NAME = 15;
  private static final long NO_ID = 0xFFFF_FFFFL;

  private final SystemState state;
  private final ThreadTable threads;
  private final PathResolver paths = new PathResolver();

  ProcessEvents(SystemState state) {
    this.state = state;
    this.threads = state.threads();
  }

  /**
   * A clone-family exit. In the parent res is the child's tid; in the child it is 0. Whichever of
   * the two events comes first creates the child.
   *
   * @return the thread the event belongs to (the child for the child's event)
   */
  ThreadInfo onClone(EventView ev, EventParams p, ThreadInfo caller, long evTid) {
    long res = p.asLong("res", -1);
    if (res < 0) {
      return caller;
    }
    long childTid = res == 0 ? evTid : res;
    ThreadInfo existing = threads.get(childTid);
    if (existing != null && !existing.partial) {
      // The other side of the clone already created the child; its own event knows its
      // namespace ids.
      if (res == 0) {
        existing.vtid = p.asLong("vtid", existing.vtid);
        existing.vpid = p.asLong("vpid", existing.vpid);
      }
      return res == 0 ? existing : caller;
    }
    int flags = (int) p.asLong("flags", 0);
    long paramPid = p.asLong("pid", -1);
    long paramPtid = p.asLong("ptid", -1);
    ThreadInfo child = threads.newThread(childTid);
    ThreadInfo parent;
    if (res == 0) {
      // Child's own event: tid/pid/ptid params describe the child.
      child.pid = paramPid >= 0 ? paramPid : childTid;
      child.ptid = paramPtid;
      parent = (flags & CL_CLONE_THREAD) != 0 ? threads.get(child.pid) : threads.get(paramPtid);
      if (parent == null && (flags & CL_CLONE_THREAD) != 0) {
        parent = threads.get(paramPtid);
      }
    } else {
      // Parent's event: tid/pid/ptid params describe the caller.
      parent = caller;
      // libsinsp makes the calling thread the child's parent thread.
      if ((flags & CL_CLONE_THREAD) != 0) {
        child.pid = paramPid >= 0 ? paramPid : (caller != null ? caller.pid : childTid);
      } else {
        child.pid = childTid;
      }
      child.ptid = evTid;
    }
    if (parent != null && !parent.partial) {
      child.inheritFrom(parent);
    }
    fillFromParams(child, p);
    child.cloneFlags = flags;
    child.cloneTs = ev.timestamp();
    child.lastEventTs = ev.timestamp();
    if (res == 0) {
      child.vtid = p.asLong("vtid", child.vtid);
      child.vpid = p.asLong("vpid", child.vpid);
    } else if (caller != null && caller.vtid == caller.tid) {
      // Same pid namespace as the caller: namespace ids equal host ids.
      child.vtid = childTid;
      child.vpid = child.pid;
    }
    if (p.locate("cgroups")) {
      child.cgroups = CgroupNames.normalise(p.asStringList("cgroups"));
      state.assignContainer(child);
    }
    boolean isThread = (flags & CL_CLONE_THREAD) != 0 && child.pid != child.tid;
    ThreadInfo main = isThread ? threads.get(child.pid) : null;
    if (existing != null) {
      threads.remove(childTid);
    }
    if (!threads.add(child)) {
      return res == 0 ? null : caller;
    }
    if (main != null && main != child) {
      if ((flags & CL_CLONE_FILES) != 0) {
        child.fds.releaseSharer();
        threads.joinProcess(child, main, true);
      } else {
        threads.joinProcess(child, main, false);
        copyFds(main.fds, child.fds);
      }
    } else if (parent != null && parent.fds != null) {
      if ((flags & CL_CLONE_FILES) != 0 && parent.main.fds == parent.fds) {
        // A process sharing its parent's table (CLONE_FILES without CLONE_THREAD).
        child.fds.releaseSharer();
        child.fds = parent.fds;
        parent.fds.addSharer();
      } else {
        copyFds(parent.fds, child.fds);
      }
    }
    return res == 0 ? child : caller;
  }

  private void fillFromParams(ThreadInfo t, EventParams p) {
    String exe = p.asString("exe");
    if (exe != null) {
      t.exe = exe;
    }
    String[] args = p.asStringList("args");
    if (args != null) {
      t.argv = args;
    }
    String comm = p.asString("comm");
    if (comm != null) {
      t.comm = comm;
    } else if (t.comm.isEmpty() && exe != null) {
      t.comm = basename(exe);
    }
    t.fdLimit = p.asLong("fdlimit", t.fdLimit);
    if (p.locate("uid")) {
      t.uid = (int) p.asLong("uid", t.uid);
    }
    if (p.locate("gid")) {
      t.gid = (int) p.asLong("gid", t.gid);
    }
    t.pfMajor = p.asLong("pgft_maj", t.pfMajor);
    t.pfMinor = p.asLong("pgft_min", t.pfMinor);
    t.vmSizeKb = p.asLong("vm_size", t.vmSizeKb);
    t.vmRssKb = p.asLong("vm_rss", t.vmRssKb);
    t.vmSwapKb = p.asLong("vm_swap", t.vmSwapKb);
    t.programChanged();
    t.partial = false;
  }

  private void copyFds(FdTable from, FdTable to) {
    for (int i = 0; i < from.slotCount(); i++) {
      FdInfo src = from.at(i);
      if (src != null) {
        FdInfo copy = state.fdPool().acquire(src.fd, src.type);
        copy.copyFrom(src);
        FdInfo old = to.put(copy);
        if (old != null) {
          state.fdPool().release(old);
        }
      }
    }
  }

  /** execve/execveat exit: the thread now runs a new program. */
  void onExecve(EventView ev, EventParams p, ThreadInfo t, EventView enter) {
    if (p.asLong("res", -1) != 0) {
      return;
    }
    String exe = p.asString("exe");
    if (exe != null) {
      t.exe = exe;
    }
    String[] args = p.asStringList("args");
    t.argv = args != null ? args : new String[0];
    String comm = p.asString("comm");
    t.comm = comm != null ? comm : basename(t.exe);
    if (t.partial) {
      // libsinsp learns an unknown thread's ids from its execve, but not its cwd or user.
      t.pid = p.asLong("pid", t.pid);
      t.ptid = p.asLong("ptid", t.ptid);
    }
    t.fdLimit = p.asLong("fdlimit", t.fdLimit);
    t.pfMajor = p.asLong("pgft_maj", t.pfMajor);
    t.pfMinor = p.asLong("pgft_min", t.pfMinor);
    t.vmSizeKb = p.asLong("vm_size", t.vmSizeKb);
    t.vmRssKb = p.asLong("vm_rss", t.vmRssKb);
    t.vmSwapKb = p.asLong("vm_swap", t.vmSwapKb);
    String[] env = p.asStringList("env");
    if (env != null) {
      t.env = NulList.trimTrailing(env);
    }
    if (p.locate("cgroups")) {
      t.cgroups = CgroupNames.normalise(p.asStringList("cgroups"));
      state.assignContainer(t);
    }
    if (p.locate("tty")) {
      t.tty = (int) p.asLong("tty", 0);
    }
    t.vpgid = p.asLong("vpgid", t.vpgid);
    t.pgid = p.asLong("pgid", t.pgid);
    if (p.locate("loginuid")) {
      t.loginUid = (int) p.asLong("loginuid", -1);
    }
    {
      int f = p.locate("flags") ? (int) p.asLong("flags", 0) : 0;
      // PPM_EXE_WRITABLE 1, PPM_EXE_UPPER_LAYER 2, PPM_EXE_FROM_MEMFD 4, PPM_EXE_LOWER_LAYER 8
      t.exeWritable = (f & 1) != 0;
      t.exeUpperLayer = (f & 2) != 0;
      t.exeFromMemfd = (f & 4) != 0;
      t.exeLowerLayer = (f & 8) != 0;
    }
    t.capInheritable = p.asLong("cap_inheritable", t.capInheritable);
    t.capPermitted = p.asLong("cap_permitted", t.capPermitted);
    t.capEffective = p.asLong("cap_effective", t.capEffective);
    t.exeIno = p.asLong("exe_ino", t.exeIno);
    t.exeInoCtime = p.asLong("exe_ino_ctime", t.exeInoCtime);
    t.exeInoMtime = p.asLong("exe_ino_mtime", t.exeInoMtime);
    String trusted = p.asString("trusted_exepath");
    if (trusted != null) {
      t.exePath = trusted;
    } else {
      String filename = enter != null ? enterString(enter, "filename") : null;
      if (filename == null) {
        filename = p.asString("filename");
      }
      if (filename != null) {
        t.exePath = paths.resolve(t.cwd(), filename);
      }
    }
    t.lastExecTs = ev.timestamp();
    t.programChanged();
    t.partial = false;
  }

  private static String enterString(EventView enter, String name) {
    int i = enter.paramIndex(name);
    if (i < 0 || i >= enter.paramCount() || enter.paramLength(i) == 0) {
      return null;
    }
    String s = enter.paramAsString(i);
    return s.isEmpty() ? null : s;
  }

  void onChdir(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) != 0) {
      return;
    }
    String path = p.asString("path");
    if (path != null) {
      setCwd(t, PathResolver.asDirectory(paths.resolve(t.cwd(), path)));
    }
  }

  void onFchdir(EventParams p, ThreadInfo t, FdInfo fd) {
    if (p.asLong("res", -1) != 0 || fd == null || fd.name.isEmpty()) {
      return;
    }
    setCwd(t, PathResolver.asDirectory(fd.name));
  }

  private static void setCwd(ThreadInfo t, String cwd) {
    t.cwd = cwd;
    t.main.cwd = cwd;
  }

  void onSetUid(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) != 0) {
      return;
    }
    long v = p.asLong("euid", -1);
    if (v < 0 || v == NO_ID) {
      v = p.asLong("uid", -1);
    }
    if (v >= 0 && v != NO_ID) {
      t.uid = (int) v;
    }
  }

  void onSetGid(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) != 0) {
      return;
    }
    long v = p.asLong("egid", -1);
    if (v < 0 || v == NO_ID) {
      v = p.asLong("gid", -1);
    }
    if (v >= 0 && v != NO_ID) {
      t.gid = (int) v;
    }
  }

  void onSetsid(EventParams p, ThreadInfo t) {
    long res = p.asLong("res", -1);
    if (res >= 0) {
      t.sid = res;
    }
  }

  void onSetpgid(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) != 0) {
      return;
    }
    long pid = p.asLong("pid", 0);
    long pgid = p.asLong("pgid", 0);
    ThreadInfo target = pid == 0 || pid == t.pid ? t : threads.get(pid);
    if (target != null) {
      target.vpgid = pgid == 0 ? (target.vpid > 0 ? target.vpid : target.pid) : pgid;
    }
  }

  void onPrctl(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) != 0 || p.asLong("option", -1) != PR_SET_NAME) {
      return;
    }
    String name = p.asString("arg2_str");
    if (name != null) {
      t.comm = name;
      t.programChanged();
    }
  }

  void onCapset(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) != 0) {
      return;
    }
    t.capInheritable = p.asLong("cap_inheritable", t.capInheritable);
    t.capPermitted = p.asLong("cap_permitted", t.capPermitted);
    t.capEffective = p.asLong("cap_effective", t.capEffective);
  }

  void onChroot(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) != 0) {
      return;
    }
    String path = p.asString("path");
    if (path != null) {
      t.root = paths.resolve(t.cwd(), path);
    }
  }

  static String basename(String path) {
    int slash = path.lastIndexOf('/');
    return slash >= 0 ? path.substring(slash + 1) : path;
  }
}
