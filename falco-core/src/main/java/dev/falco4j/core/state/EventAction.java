package dev.falco4j.core.state;

import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;

/**
 * What an event type does to the state, decided once per event table from the event names (every
 * version of {@code clone} maps to the same action), so the per-event dispatch is an array read and
 * a switch on an int.
 */
final class EventAction {

  static final int NONE = 0;
  static final int CLONE = 1;
  static final int EXECVE = 2;
  static final int PROCEXIT = 3;
  static final int OPEN = 4;
  static final int SOCKET = 5;
  static final int BIND = 6;
  static final int CONNECT = 7;
  static final int ACCEPT = 8;
  static final int PIPE = 9;
  static final int SOCKETPAIR = 10;
  static final int SIMPLE_FD = 11;
  static final int DUP = 12;
  static final int FCNTL = 13;
  static final int CLOSE = 14;
  static final int CLOSE_RANGE = 15;
  static final int CHDIR = 16;
  static final int FCHDIR = 17;
  static final int SETUID = 18;
  static final int SETGID = 19;
  static final int SETSID = 20;
  static final int SETPGID = 21;
  static final int PRCTL = 22;
  static final int CAPSET = 23;
  static final int CHROOT = 24;
  static final int SENDRECV = 25;
  static final int MEMFD = 26;
  static final int CONTAINER = 27;
  static final int USERADDED = 28;
  static final int GROUPADDED = 29;
  static final int SWITCH = 30;

  private final EventTable table;
  private final int[] actions;
  /** Per type: index of the "fd" param (+1), 0 when none. */
  private final int[] fdParam;
  /** Per type: indices of vm_size, vm_rss, vm_swap, pgft_min, pgft_maj (-1 when absent). */
  private final int[] vmSize;
  private final int[] vmRss;
  private final int[] vmSwap;
  private final int[] pgftMin;
  private final int[] pgftMaj;

  EventAction(EventTable table) {
    this.table = table;
    this.actions = new int[table.size()];
    this.fdParam = new int[table.size()];
    this.vmSize = absentEverywhere(table.size());
    this.vmRss = absentEverywhere(table.size());
    this.vmSwap = absentEverywhere(table.size());
    this.pgftMin = absentEverywhere(table.size());
    this.pgftMaj = absentEverywhere(table.size());
    for (int id = 0; id < table.size(); id++) {
      EventInfo info = table.event(id);
      if (info == null) {
        continue;
      }
      actions[id] = actionFor(info.name(), info.isEnter());
      fdParam[id] = info.paramIndex("fd") + 1;
      vmSize[id] = info.paramIndex("vm_size");
      vmRss[id] = info.paramIndex("vm_rss");
      vmSwap[id] = info.paramIndex("vm_swap");
      pgftMin[id] = info.paramIndex("pgft_min");
      pgftMaj[id] = info.paramIndex("pgft_maj");
    }
  }

  EventTable table() {
    return table;
  }

  int of(int type) {
    return type >= 0 && type < actions.length ? actions[type] : NONE;
  }

  /** Index of the type's "fd" parameter, or -1. */
  int fdParamIndex(int type) {
    return type >= 0 && type < fdParam.length ? fdParam[type] - 1 : -1;
  }

  /** Index of the type's vm_size parameter (looked up once, not per event), or -1. */
  int vmSizeIndex(int type) {
    return at(vmSize, type);
  }

  /** Index of the type's vm_rss parameter, or -1. */
  int vmRssIndex(int type) {
    return at(vmRss, type);
  }

  /** Index of the type's vm_swap parameter, or -1. */
  int vmSwapIndex(int type) {
    return at(vmSwap, type);
  }

  /** Index of the type's pgft_min parameter, or -1. */
  int pageFaultMinorIndex(int type) {
    return at(pgftMin, type);
  }

  /** Index of the type's pgft_maj parameter, or -1. */
  int pageFaultMajorIndex(int type) {
    return at(pgftMaj, type);
  }

  private static int at(int[] indices, int type) {
    return type >= 0 && type < indices.length ? indices[type] : -1;
  }

  private static int[] absentEverywhere(int size) {
    int[] a = new int[size];
    java.util.Arrays.fill(a, -1);
    return a;
  }

  private static int actionFor(String name, boolean enter) {
    if (enter) {
      switch (name) {
        case "procexit": return PROCEXIT;
        case "container": return CONTAINER;
        case "useradded": return USERADDED;
        case "groupadded": return GROUPADDED;
        case "switch": return SWITCH;
        default: return NONE;
      }
    }
    switch (name) {
      case "clone": case "fork": case "vfork": case "clone3":
        return CLONE;
      case "execve": case "execveat":
        return EXECVE;
      case "open": case "openat": case "openat2": case "creat": case "open_by_handle_at":
        return OPEN;
      case "socket":
        return SOCKET;
      case "bind":
        return BIND;
      case "connect":
        return CONNECT;
      case "accept": case "accept4":
        return ACCEPT;
      case "pipe": case "pipe2":
        return PIPE;
      case "socketpair":
        return SOCKETPAIR;
      case "eventfd": case "eventfd2": case "signalfd": case "signalfd4": case "timerfd_create":
      case "inotify_init": case "inotify_init1": case "epoll_create": case "epoll_create1":
      case "userfaultfd": case "io_uring_setup": case "pidfd_open": case "pidfd_getfd":
      case "bpf":
        return SIMPLE_FD;
      case "memfd_create":
        return MEMFD;
      case "dup": case "dup2": case "dup3":
        return DUP;
      case "fcntl":
        return FCNTL;
      case "close":
        return CLOSE;
      case "close_range":
        return CLOSE_RANGE;
      case "chdir":
        return CHDIR;
      case "fchdir":
        return FCHDIR;
      case "setuid": case "setresuid": case "setreuid":
        return SETUID;
      case "setgid": case "setresgid": case "setregid":
        return SETGID;
      case "setsid":
        return SETSID;
      case "setpgid":
        return SETPGID;
      case "prctl":
        return PRCTL;
      case "capset":
        return CAPSET;
      case "chroot":
        return CHROOT;
      case "sendto": case "sendmsg": case "recvfrom": case "recvmsg":
        return SENDRECV;
      default:
        return NONE;
    }
  }

  /** The fd type a simple fd-creating syscall makes. */
  static FdType simpleFdType(String name) {
    switch (name) {
      case "eventfd": case "eventfd2": return FdType.EVENT;
      case "signalfd": case "signalfd4": return FdType.SIGNALFD;
      case "timerfd_create": return FdType.TIMERFD;
      case "inotify_init": case "inotify_init1": return FdType.INOTIFY;
      case "epoll_create": case "epoll_create1": return FdType.EVENTPOLL;
      case "userfaultfd": return FdType.USERFAULTFD;
      case "io_uring_setup": return FdType.IOURING;
      case "pidfd_open": case "pidfd_getfd": return FdType.PIDFD;
      case "bpf": return FdType.BPF;
      default: return FdType.UNSUPPORTED;
    }
  }
}
