package dev.falco4j.core.state;

/**
 * A bounded free list of {@link FdInfo} objects, so that steady-state open/close traffic reuses
 * entries instead of allocating. Beyond its capacity released entries are left to the GC.
 */
final class FdPool {

  private final FdInfo[] free;
  private int count;

  FdPool(int capacity) {
    free = new FdInfo[capacity];
  }

  FdInfo acquire(long fd, FdType type) {
    FdInfo info;
    if (count > 0) {
      info = free[--count];
      free[count] = null;
    } else {
      info = new FdInfo();
    }
    info.reset(fd, type);
    return info;
  }

  void release(FdInfo info) {
    if (count < free.length) {
      free[count++] = info;
    }
  }

  int available() {
    return count;
  }
}
