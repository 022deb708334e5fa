package dev.falco4j.core.state;

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

  /** A state with Falco-like default limits. */
  public SystemState() {
    this(StateLimits.DEFAULTS);
  }

  /** A state with the given limits. */
  public SystemState(StateLimits limits) {
    this.limits = limits;
    this.fdPool = new FdPool(limits.fdPoolSize());
    this.threads = new ThreadTable(limits, fdPool);
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
