package dev.falco4j.core.state;

/**
 * All known threads, keyed by thread id without boxing. Bounded: at most {@link #maxSize()} threads;
 * beyond that new threads are counted as dropped instead of stored, as Falco does. Threads that have
 * produced no event for {@link StateLimits#threadTimeoutNanos()} are expired by a periodic scan driven
 * by event time, so a trace of any length runs in bounded memory even when exits are lost.
 *
 * <p>A main thread that exits while other threads of its process live is kept, marked dead, until
 * the last of them goes: threads read the process's cwd and fd table through it.
 */
public final class ThreadTable {

  private final LongObjectMap<ThreadInfo> threads;
  private final StateLimits limits;
  private final FdPool fdPool;
  private long dropped;
  private long expired;
  private long lastScanTs;

  ThreadTable(StateLimits limits, FdPool fdPool) {
    this.limits = limits;
    this.fdPool = fdPool;
    this.threads = new LongObjectMap<>(Math.min(limits.maxThreads(), 1024));
  }

  /** The thread with this id, or null. */
  public ThreadInfo get(long tid) {
    return threads.get(tid);
  }

  /** Number of threads held (including dead main threads kept for their live threads). */
  public int size() {
    return threads.size();
  }

  /** The most threads the table holds. */
  public int maxSize() {
    return limits.maxThreads();
  }

  /** Threads not stored because the table was full. */
  public long droppedCount() {
    return dropped;
  }

  /** Threads removed by the inactivity scan. */
  public long expiredCount() {
    return expired;
  }

  /** Slot count for index-based iteration with {@link #at(int)}. */
  public int slotCount() {
    return threads.slotCount();
  }

  /** The thread in a slot, or null. */
  public ThreadInfo at(int slot) {
    return threads.valueAt(slot);
  }

  /**
   * Adds a thread created by the caller (fds and main already wired). Returns false and counts a
   * drop when the table is full.
   */
  boolean add(ThreadInfo info) {
    ThreadInfo old = threads.get(info.tid);
    if (old == null && threads.size() >= limits.maxThreads()) {
      dropped++;
      return false;
    }
    if (old != null) {
      detach(old);
    }
    threads.put(info.tid, info);
    return true;
  }

  /**
   * Creates a thread record with a fresh fd table, not yet stored: the caller fills it in and then
   * calls {@link #add}.
   */
  ThreadInfo newThread(long tid) {
    ThreadInfo t = new ThreadInfo(tid);
    t.fds = new FdTable(limits.maxFdsPerProcess());
    return t;
  }

  /** Makes a non-main thread share the process's main thread: its fds, cwd, thread count. */
  void joinProcess(ThreadInfo thread, ThreadInfo main, boolean shareFds) {
    thread.main = main;
    if (shareFds) {
      thread.fds = main.fds;
      main.fds.addSharer();
    }
    main.nthreads++;
  }

  /** Removes an exited thread, keeping a main thread as long as its other threads live. */
  void remove(long tid) {
    ThreadInfo t = threads.get(tid);
    if (t == null) {
      return;
    }
    if (t.main == t && t.nthreads > 1) {
      // Other threads still use the process state held here.
      t.dead = true;
      t.nthreads--;
      return;
    }
    threads.remove(tid);
    detach(t);
  }

  /** Releases what a removed thread held: its share of the fd table and its slot in the process. */
  private void detach(ThreadInfo t) {
    if (t.fds != null && t.fds.releaseSharer()) {
      t.fds.clearInto(fdPool);
    }
    ThreadInfo main = t.main;
    if (main != t) {
      main.nthreads--;
      if (main.dead && main.nthreads <= 0 && threads.get(main.tid) == main) {
        threads.remove(main.tid);
        detach(main);
      }
    }
  }

  /**
   * Runs the inactivity scan when enough event time passed since the last one. Called once per event
   * with the event timestamp; costs a comparison except when a scan is due.
   */
  void maybeExpire(long nowTs, long protectTid) {
    if (lastScanTs == 0) {
      lastScanTs = nowTs;
      return;
    }
    if (nowTs - lastScanTs < limits.scanIntervalNanos()) {
      return;
    }
    lastScanTs = nowTs;
    long cutoff = nowTs - limits.threadTimeoutNanos();
    int slot = 0;
    while (slot < threads.slotCount()) {
      ThreadInfo t = threads.valueAt(slot);
      // Threads seeded from a trace or /proc have no events yet: Falco keeps them until timeout too.
      if (t != null
          && t.tid != protectTid
          && !(t.main == t && t.nthreads > 1)
          && Math.max(t.lastEventTs, t.cloneTs) < cutoff) {
        remove(t.tid);
        expired++;
        // Backward-shift deletion may have moved an unvisited entry into this slot: look again.
        continue;
      }
      slot++;
    }
  }

  /** Removes every thread. */
  void clear() {
    for (int i = 0; i < threads.slotCount(); i++) {
      ThreadInfo t = threads.valueAt(i);
      if (t != null && t.fds != null) {
        t.fds.clearInto(fdPool);
      }
    }
    threads.clear();
  }
}
