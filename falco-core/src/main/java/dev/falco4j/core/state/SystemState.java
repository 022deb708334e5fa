package dev.falco4j.core.state;

import dev.falco4j.core.event.EventFlags;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventView;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.BitSet;

/**
 * The system as rebuilt from the event stream: threads and processes with their fd tables, users and
 * groups, containers, and the machine. The engine applies every event to it before evaluating
 * rules ({@code apply}), and field extractors read it.
 *
 * <p>Seed it first: from a trace's initial state blocks ({@code TraceSeeder}) or, for live capture,
 * from {@code /proc} ({@link ProcScanner}) and the host's passwd/group files ({@link PasswdParser}).
 *
 * <p>Memory is bounded by {@link StateLimits}. Not thread safe: one event loop owns it. Objects
 * handed out ({@link ThreadInfo}, {@link FdInfo}) stay valid until the next event is applied.
 */
public final class SystemState {

  private final StateLimits limits;
  private final FdPool fdPool;
  private final ThreadTable threads;
  private final UserTable users = new UserTable();
  private final ContainerTable containers = new ContainerTable();
  private final CgroupContainerParser cgroupParser = new CgroupContainerParser();
  private String hostname = "";
  private long bootTimeNs;
  private final ProcessEvents processEvents;
  private final FdEvents fdEvents;
  private final EventParams params = new EventParams();
  private final ContainerEvents containerEvents;
  private EventAction actions;
  private EventView enterView;

  /** Largest enter event kept per thread for its exit (bigger ones are rare I/O buffers). */
  private static final int MAX_ENTER_COPY = 4096;
  private static final long NO_TID = Long.MIN_VALUE;

  private long pendingRemoval = NO_TID;
  private FdTable pendingCloseTable;
  private long pendingCloseFd;
  private boolean fdEvent;
  private int currentOpenFlags = -1;
  String failedOpenPath;
  String failedOpenRawPath;
  private static final int FD_FLAGS =
      EventFlags.USES_FD | EventFlags.CREATES_FD | EventFlags.DESTROYS_FD;
  private long eventNumber;
  private ThreadInfo currentThread;
  private FdInfo currentFd;
  private long currentFdNum = -1;
  private long latency;
  private long firstEventTs;
  private long fdDrops;
  private long eventsApplied;

  /**
   * The event types of {@code table} that change the state (process lifecycle, fds, credentials,
   * cwd, containers): a live source must deliver them whatever the rules need, or the process and
   * fd tables drift. Kernel-side selection is this set plus the rules' event types.
   */
  public static BitSet trackedEventTypes(EventTable table) {
    EventAction actions = new EventAction(table);
    BitSet types = new BitSet(table.size());
    for (int id = 0; id < table.size(); id++) {
      if (actions.of(id) != EventAction.NONE) {
        types.set(id);
      }
    }
    return types;
  }

  /** A state with Falco-like default limits. */
  public SystemState() {
    this(StateLimits.DEFAULTS);
  }

  /** A state with the given limits. */
  public SystemState(StateLimits limits) {
    this.limits = limits;
    this.fdPool = new FdPool(limits.fdPoolSize());
    this.threads = new ThreadTable(limits, fdPool);
    this.processEvents = new ProcessEvents(this);
    this.fdEvents = new FdEvents(this);
    this.containerEvents = new ContainerEvents(containers);
  }

  /** The limits this state runs with. */
  public StateLimits limits() {
    return limits;
  }

  /** All threads. */
  public ThreadTable threads() {
    return threads;
  }

  /** Users and groups. */
  public UserTable users() {
    return users;
  }

  /** Containers. */
  public ContainerTable containers() {
    return containers;
  }

  /** The host name from the trace's machine block or the live host; empty when not known. */
  public String hostname() {
    return hostname;
  }

  /** Sets the host name. */
  public void setHostname(String hostname) {
    this.hostname = hostname == null ? "" : hostname;
  }

  private int[] localIpv4 = new int[0];
  private byte[][] localIpv6 = new byte[0][];

  /** Sets the host's interface addresses (from a trace's interface list or the live host). */
  public void setInterfaces(int[] ipv4, byte[][] ipv6) {
    this.localIpv4 = ipv4.clone();
    this.localIpv6 = ipv6.clone();
  }

  /** True when the IPv4 address (big-endian int) belongs to this host. */
  public boolean isLocalIpv4(int ip) {
    for (int a : localIpv4) {
      if (a == ip) {
        return true;
      }
    }
    return false;
  }

  /** True when the IPv6 address belongs to this host, or is the unspecified address. */
  public boolean isLocalIpv6(byte[] ip) {
    if (ip == null) {
      return false;
    }
    boolean zero = true;
    for (byte b : ip) {
      if (b != 0) {
        zero = false;
        break;
      }
    }
    if (zero) {
      return true;
    }
    for (byte[] a : localIpv6) {
      if (java.util.Arrays.equals(a, ip)) {
        return true;
      }
    }
    return false;
  }

  /** Host boot time, ns since the epoch, 0 when not known. */
  public long bootTimeNs() {
    return bootTimeNs;
  }

  /** Sets the host boot time. */
  public void setBootTimeNs(long bootTimeNs) {
    this.bootTimeNs = bootTimeNs;
  }

  /** The thread with this id, or null. */
  public ThreadInfo thread(long tid) {
    return threads.get(tid);
  }

  /** The container of a thread, or null for the host. */
  public ContainerInfo containerOf(ThreadInfo t) {
    return t.containerId.isEmpty() ? null : containers.get(t.containerId);
  }

  /** Forgets all threads, fds, users and containers (a new trace section starts). */
  public void clear() {
    threads.clear();
    users.clear();
    containers.clear();
  }

  /** Number of the event last applied. */
  public long eventNumber() {
    return eventNumber;
  }

  /** Timestamp of the first event applied, 0 before any ({@code evt.reltime} counts from it). */
  public long firstEventTs() {
    return firstEventTs;
  }

  /** The thread of the event last applied, or null (events without a thread, dropped threads). */
  public ThreadInfo currentThread() {
    return currentThread;
  }

  /**
   * The fd the event last applied is about ({@code fd.*} fields): the fd it used, created or
   * closed (a closed fd stays visible for its close event), or for a failed open the path it
   * named. Null when the event has no fd or the fd is unknown.
   */
  public FdInfo currentFd() {
    return currentFd;
  }

  /**
   * True when the event last applied is about an fd (it uses, creates or closes one): then
   * {@code fd.num} has a value, -1 on the enter event of an fd-creating syscall.
   */
  public boolean isFdEvent() {
    return fdEvent;
  }

  /** The fd number the event last applied is about, -1 when none. */
  public long currentFdNum() {
    return currentFdNum;
  }

  /** For an exit event, nanoseconds since its enter event (0 when unknown or an enter event). */
  public long currentLatency() {
    return latency;
  }

  /**
   * The open flags ({@code PPM_O_*}) of the current event when it is an open-family exit,
   * successful or not; -1 otherwise.
   */
  public int currentOpenFlags() {
    return currentOpenFlags;
  }

  /**
   * For a failed open, the path it named, resolved (libsinsp shows it as {@code fd.name});
   * null otherwise.
   */
  public String failedOpenPath() {
    return failedOpenPath;
  }

  /** For a failed open, the path as given; null otherwise. */
  public String failedOpenRawPath() {
    return failedOpenRawPath;
  }

  /** Fds not stored because a process's table was full. */
  public long fdDropCount() {
    return fdDrops;
  }

  /** Events applied so far. */
  public long eventsApplied() {
    return eventsApplied;
  }

  void countFdDrop() {
    fdDrops++;
  }

  /**
   * Applies one event: afterwards {@link #currentThread()} and {@link #currentFd()} describe it and
   * the tables reflect its effect. Call once per event, in order, before evaluating rules.
   * Allocation-free for events that do not change state; malformed parameters never throw.
   */
  public void apply(EventView ev) {
    eventsApplied++;
    eventNumber = ev.number();
    long ts = ev.timestamp();
    if (firstEventTs == 0 && ts > 0) {
      firstEventTs = ts;
    }
    if (pendingCloseTable != null) {
      FdInfo removed = pendingCloseTable.remove(pendingCloseFd);
      if (removed != null) {
        fdPool.release(removed);
      }
      pendingCloseTable = null;
    }
    if (pendingRemoval != NO_TID) {
      // Falco removes an exited thread after the event following its procexit, so that the
      // procexit event itself still shows the process.
      threads.remove(pendingRemoval);
      pendingRemoval = NO_TID;
    }
    currentFd = null;
    currentFdNum = -1;
    fdEvent = false;
    currentOpenFlags = -1;
    failedOpenPath = null;
    failedOpenRawPath = null;
    long previousLatency = latency;
    latency = 0;
    EventTable table = ev.table();
    if (actions == null || actions.table() != table) {
      actions = new EventAction(table);
      enterView = new EventView(table);
    }
    int type = ev.type();
    int action = actions.of(type);
    long tid = ev.threadId();
    ThreadInfo t = threads.get(tid);
    boolean attributed = ev.info() != null && !ev.info().hasFlag(EventFlags.SKIPPARSERESET);
    if (t == null && attributed && action != EventAction.CLONE && action != EventAction.CONTAINER
        && tid > 0) {
      t = newPartialThread(tid, ts);
    }
    currentThread = t;
    threads.maybeExpire(ts, tid);
    if (ev.info() == null) {
      return;
    }
    if (action == EventAction.CONTAINER) {
      containerEvents.onContainer(ev);
    }
    if (t != null && ev.info() != null) {
      // Scheduler switches and exits report the thread's memory and page faults.
      updateResourceCounters(ev, t);
    }
    if (action == EventAction.SWITCH) {
      // A context switch is not a syscall: it neither pairs with an exit nor breaks a pair,
      // and libsinsp shows the latency it computed last.
      latency = previousLatency;
      return;
    }
    if (!attributed) {
      // Metadata events (procinfo, scheduler switches...) change no thread state and, unlike
      // syscalls, do not make libsinsp invent a thread for an unknown tid.
      return;
    }
    if (t != null) {
      t.lastEventTs = ts;
    }
    if (ev.isEnter()) {
      applyEnter(ev, t, action, type);
    } else {
      applyExit(ev, t, action, type);
    }
  }

  /**
   * A thread first seen through one of its events: ids unknown (-1), no program, working
   * directory or user yet, as libsinsp shows such threads when replaying a trace.
   */
  private ThreadInfo newPartialThread(long tid, long ts) {
    ThreadInfo t = threads.newThread(tid);
    t.partial = true;
    t.cloneTs = 0;
    t.lastEventTs = ts;
    t.ptid = -1;
    t.uid = -1;
    t.gid = -1;
    t.cwd = "";
    t.fdLimit = -1;
    t.exeWritable = true;
    return threads.add(t) ? t : null;
  }

  private void applyEnter(EventView ev, ThreadInfo t, int action, int type) {
    if (t == null) {
      return;
    }
    int fdIdx = actions.fdParamIndex(type);
    long fdNum = -1;
    int flags = ev.info().flags();
    if ((flags & EventFlags.CREATES_FD) != 0 && (flags & EventFlags.USES_FD) == 0) {
      // The fd does not exist yet: libsinsp shows fd number -1 on the enter event. (dup's enter
      // both uses and creates: its fd param is the fd being duplicated, which its exit needs.)
      fdEvent = true;
      currentFdNum = -1;
    } else if (fdIdx >= 0 && fdIdx < ev.paramCount() && ev.paramLength(fdIdx) > 0) {
      fdNum = ev.paramAsLong(fdIdx, -1);
      if ((flags & FD_FLAGS) != 0) {
        fdEvent = true;
        currentFdNum = fdNum;
        currentFd = fdNum >= 0 ? t.fds.get(fdNum) : null;
      }
    }
    keepEnter(ev, t, type, fdNum);
    switch (action) {
      case EventAction.PROCEXIT:
        pendingRemoval = t.tid;
        break;
      default:
        break;
    }
  }

  private void keepEnter(EventView ev, ThreadInfo t, int type, long fdNum) {
    t.lastEnterType = type;
    t.lastEnterFd = fdNum;
    t.lastEnterTs = ev.timestamp();
    int len = ev.encodedLength();
    if (len > MAX_ENTER_COPY) {
      t.lastEnterType = -1;
      return;
    }
    t.lastEnterCopied = actions.of(type + 1) != EventAction.NONE;
    if (!t.lastEnterCopied) {
      // Only the state's handlers read an enter event's parameters, on its exit; pairing,
      // latency and the enter's fd need no copy.
      return;
    }
    ByteBuffer b = t.lastEnter;
    if (b == null || b.capacity() < len) {
      b = ByteBuffer.allocate(Math.max(len, 128)).order(ByteOrder.LITTLE_ENDIAN);
      t.lastEnter = b;
    }
    b.clear();
    ev.writeV2(b);
  }

  /**
   * The thread's stored enter event if it is the one matching this exit and was kept for the
   * state's handlers, else null.
   */
  private EventView matchingEnter(ThreadInfo t, int exitType) {
    if (!t.lastEnterCopied || t.lastEnter == null) {
      return null;
    }
    enterView.reset(t.lastEnter, 0);
    if (enterView.checkLayout(t.lastEnter.position()) != EventView.LAYOUT_OK) {
      return null;
    }
    return enterView;
  }

  private void applyExit(EventView ev, ThreadInfo t, int action, int type) {
    boolean paired = t != null && t.lastEnterType == type - 1;
    EventView enter = paired && action != EventAction.NONE ? matchingEnter(t, type) : null;
    latency = paired ? ev.timestamp() - t.lastEnterTs : 0;
    long fdNum = -1;
    int fdIdx = actions.fdParamIndex(type);
    boolean createsFd = ev.info().hasFlag(EventFlags.CREATES_FD);
    fdEvent = (ev.info().flags() & FD_FLAGS) != 0;
    if (!createsFd || action == EventAction.CONNECT || action == EventAction.BIND) {
      if (fdIdx >= 0 && fdIdx < ev.paramCount() && ev.paramLength(fdIdx) > 0) {
        fdNum = ev.paramAsLong(fdIdx, -1);
      } else if (paired) {
        fdNum = t.lastEnterFd;
      }
    }
    if (t != null) {
      t.lastEnterType = -1;
    }
    if (fdEvent && t != null) {
      currentFdNum = fdNum;
      currentFd = fdNum >= 0 ? t.fds.get(fdNum) : null;
    }
    params.reset(ev, enter);
    if (action == EventAction.NONE) {
      return;
    }
    if (action == EventAction.CLONE) {
      ThreadInfo owner = processEvents.onClone(ev, params, t, ev.threadId());
      if (owner == null && t == null) {
        owner = newPartialThread(ev.threadId(), ev.timestamp());
      }
      currentThread = owner;
      return;
    }
    if (t == null) {
      return;
    }
    FdInfo fd = currentFd;
    switch (action) {
      case EventAction.EXECVE: processEvents.onExecve(ev, params, t, enter); break;
      case EventAction.CHDIR: processEvents.onChdir(params, t); break;
      case EventAction.FCHDIR: processEvents.onFchdir(params, t, fd); break;
      case EventAction.SETUID: processEvents.onSetUid(params, t); break;
      case EventAction.SETGID: processEvents.onSetGid(params, t); break;
      case EventAction.SETSID: processEvents.onSetsid(params, t); break;
      case EventAction.SETPGID: processEvents.onSetpgid(params, t); break;
      case EventAction.PRCTL: processEvents.onPrctl(params, t); break;
      case EventAction.CAPSET: processEvents.onCapset(params, t); break;
      case EventAction.CHROOT: processEvents.onChroot(params, t); break;
      case EventAction.OPEN:
        currentOpenFlags = (int) params.asLong("flags", 0);
        setCreated(fdEvents.onOpen(ev, params, t));
        break;
      case EventAction.SOCKET: setCreated(fdEvents.onSocket(params, t)); break;
      case EventAction.BIND: currentFd = fdEvents.onBind(params, t, fd); break;
      case EventAction.CONNECT:
        currentFd = fdEvents.onConnect(ev, params, t, fdNum, fd);
        break;
      case EventAction.ACCEPT: setCreated(fdEvents.onAccept(params, t)); break;
      case EventAction.PIPE: setCreated(fdEvents.onPipe(params, t)); break;
      case EventAction.SOCKETPAIR: setCreated(fdEvents.onSocketpair(params, t)); break;
      case EventAction.SIMPLE_FD: setCreated(fdEvents.onSimpleFd(ev, params, t)); break;
      case EventAction.MEMFD: setCreated(fdEvents.onMemfd(params, t)); break;
      case EventAction.DUP:
        setCreated(fdEvents.onDup(params, t, enter != null ? t.lastEnterFd : fdNum, false));
        break;
      case EventAction.FCNTL: {
        long before = currentFdNum;
        FdInfo r = fdEvents.onDup(params, t, fdNum, true);
        if (r != null && r.fd != before) {
          setCreated(r);
        }
        break;
      }
      case EventAction.CLOSE:
        if (fd != null && params.asLong("res", -1) >= 0) {
          // Like libsinsp, the fd leaves the table after this event, so that its close event
          // (and proc.fdopencount on it) still sees it.
          pendingCloseTable = t.fds;
          pendingCloseFd = fdNum;
        }
        break;
      case EventAction.CLOSE_RANGE: fdEvents.onCloseRange(params, t); break;
      case EventAction.SENDRECV: {
        String n = ev.info().name();
        fdEvents.onSendRecv(ev, params, t, fd, n.startsWith("send"));
        break;
      }
      default:
        break;
    }
  }

  /** Memory and page-fault counters that many exit events carry (brk, mmap, execve, clone...). */
  private void updateResourceCounters(EventView ev, ThreadInfo t) {
    int type = ev.type();
    int action = actions.of(type);
    if (action == EventAction.CLONE) {
      // A clone exit reports the caller's counters; libsinsp does not take them.
      return;
    }
    // Where the counters are is decided once per table: a name search per event cost about a
    // fifth of the state update.
    int vmSize = actions.vmSizeIndex(type);
    if (vmSize >= 0 && !ev.isEmpty(vmSize)) {
      long size = ev.paramAsLong(vmSize, t.vmSizeKb);
      long rss = present(ev, actions.vmRssIndex(type), t.vmRssKb);
      long swap = present(ev, actions.vmSwapIndex(type), t.vmSwapKb);
      t.vmSizeKb = size;
      t.vmRssKb = rss;
      t.vmSwapKb = swap;
      t.main.vmSizeKb = size;
      t.main.vmRssKb = rss;
      t.main.vmSwapKb = swap;
    }
    int pfMin = actions.pageFaultMinorIndex(type);
    if (pfMin >= 0 && !ev.isEmpty(pfMin)) {
      t.pfMinor = ev.paramAsLong(pfMin, t.pfMinor);
      t.pfMajor = present(ev, actions.pageFaultMajorIndex(type), t.pfMajor);
    }
  }

  /** Parameter {@code index} as an integer when present and non-empty, else {@code ifAbsent}. */
  private static long present(EventView ev, int index, long ifAbsent) {
    return index >= 0 && !ev.isEmpty(index) ? ev.paramAsLong(index, ifAbsent) : ifAbsent;
  }

  private void setCreated(FdInfo fd) {
    currentFd = fd;
    currentFdNum = fd == null || fd.fd < 0 ? -1 : fd.fd;
  }

  FdPool fdPool() {
    return fdPool;
  }

  CgroupContainerParser cgroupParser() {
    return cgroupParser;
  }

  /**
   * Stores a thread read from a seed (trace block or /proc); wiring to its main thread happens in
   * {@link #finishSeeding()} because a trace may list threads before their process.
   */
  boolean addSeededThread(ThreadInfo t) {
    return threads.add(t);
  }

  /**
   * Links seeded threads to their main threads (shared fd table, cwd, thread count) and resolves
   * containers from cgroups. Idempotent for threads already linked.
   */
  void finishSeeding() {
    for (int i = 0; i < threads.slotCount(); i++) {
      ThreadInfo t = threads.at(i);
      if (t == null) {
        continue;
      }
      assignContainer(t);
      if (t.tid != t.pid && t.main == t) {
        ThreadInfo main = threads.get(t.pid);
        if (main != null && main != t) {
          // Threads list no fds of their own in traces: they use the process's table.
          if (t.fds.size() == 0) {
            t.fds.releaseSharer();
            threads.joinProcess(t, main, true);
          } else {
            threads.joinProcess(t, main, false);
          }
        }
      }
    }
  }

  /** Sets a thread's container from its cgroups (host when none names a container). */
  void assignContainer(ThreadInfo t) {
    ContainerRef ref = cgroupParser.parse(t.cgroups);
    if (ref == null) {
      t.containerId = "";
    } else {
      t.containerId = ref.id();
      containers.getOrAdd(ref);
    }
  }
}
