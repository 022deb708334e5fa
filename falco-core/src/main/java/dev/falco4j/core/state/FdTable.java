package dev.falco4j.core.state;

/**
 * The open file descriptors of one process. Threads created with {@code CLONE_FILES} share the same
 * table object, as they share it in the kernel.
 *
 * <p>Bounded: once {@link #maxSize()} fds are open, new ones are counted as dropped (as Falco does
 * with its fd table limit) instead of growing without end. Keeps a one-entry lookup cache because
 * consecutive events usually touch the same fd.
 */
public final class FdTable {

  private final LongObjectMap<FdInfo> fds = new LongObjectMap<>(16);
  private final int maxSize;
  private long lastFd = Long.MIN_VALUE;
  private FdInfo lastInfo;
  private int sharers = 1;

  FdTable(int maxSize) {
    this.maxSize = maxSize;
  }

  /** The entry for an fd, or null when it is not known to be open. */
  public FdInfo get(long fd) {
    if (fd == lastFd && lastInfo != null) {
      return lastInfo;
    }
    FdInfo info = fds.get(fd);
    if (info != null) {
      lastFd = fd;
      lastInfo = info;
    }
    return info;
  }

  /** Number of open fds. */
  public int size() {
    return fds.size();
  }

  /** The most fds this table holds. */
  public int maxSize() {
    return maxSize;
  }

  /**
   * Stores an entry, returning the entry it replaced (for recycling) or null. Returns the argument
   * itself when the table is full and the fd is new: the caller recycles it and counts a drop.
   */
  FdInfo put(FdInfo info) {
    if (fds.size() >= maxSize && fds.get(info.fd) == null) {
      return info;
    }
    FdInfo old = fds.put(info.fd, info);
    lastFd = info.fd;
    lastInfo = info;
    return old;
  }

  /** Removes an fd, returning its entry (for recycling) or null. */
  FdInfo remove(long fd) {
    if (fd == lastFd) {
      lastInfo = null;
      lastFd = Long.MIN_VALUE;
    }
    return fds.remove(fd);
  }

  /** Slot count for index-based iteration with {@link #at(int)}. */
  public int slotCount() {
    return fds.slotCount();
  }

  /** The entry in a slot, or null. */
  public FdInfo at(int slot) {
    return fds.valueAt(slot);
  }

  int sharers() {
    return sharers;
  }

  void addSharer() {
    sharers++;
  }

  /** Drops one sharer; returns true when no thread uses the table any more. */
  boolean releaseSharer() {
    return --sharers <= 0;
  }

  void clearInto(FdPool pool) {
    for (int i = 0; i < fds.slotCount(); i++) {
      FdInfo info = fds.valueAt(i);
      if (info != null) {
        pool.release(info);
      }
    }
    fds.clear();
    lastInfo = null;
    lastFd = Long.MIN_VALUE;
  }
}
