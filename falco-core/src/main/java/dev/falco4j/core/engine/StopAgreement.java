package dev.falco4j.core.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * How the {@link ParallelReplay} workers agree where to stop, so that a stopped run is exactly a
 * single-threaded run stopped after some event: same events, same alerts, same counters.
 *
 * <p>A stop ({@link ParallelReplay#stop()}, the time limit, or a worker that cannot go on) is first
 * a request. Each worker, on seeing it, publishes its position (events applied so far) and waits
 * until every worker has published; the stop point is the highest position, and the workers behind
 * go on up to it, never past it. A worker that ended (end of the source) or failed publishes where
 * it ended; a failure caps the stop point at the failed worker's position, since it cannot go
 * further. Workers see a request within one event (a volatile read per event), or in the wait for
 * a full alert queue, so the wait for positions is short.
 */
final class StopAgreement {
  private static final long UNSET = -1;

  private final int workers;
  private final AtomicLongArray positions;
  private final AtomicInteger published = new AtomicInteger();
  private volatile boolean requested;
  private volatile long cap = Long.MAX_VALUE;

  StopAgreement(int workers) {
    this.workers = workers;
    this.positions = new AtomicLongArray(workers);
    for (int k = 0; k < workers; k++) {
      positions.set(k, UNSET);
    }
  }

  /** Asks every worker to stop; from any thread. */
  void request() {
    requested = true;
  }

  /** Whether a stop was requested (read once per event by each worker). */
  boolean requested() {
    return requested;
  }

  /**
   * Worker {@code k} is at {@code position} and will go on only up to the agreed point; the first
   * call counts, later ones are ignored.
   */
  void publish(int k, long position) {
    if (positions.compareAndSet(k, UNSET, position)) {
      published.incrementAndGet();
    }
  }

  /** Worker {@code k} cannot go past {@code position} (its source failed): stop everyone there. */
  synchronized void fail(int k, long position) {
    if (position < cap) {
      cap = position;
    }
    requested = true;
    publish(k, position);
  }

  /**
   * Waits until every worker has published its position, then returns the stop point: the highest
   * position, or the lowest failed position when lower.
   */
  long awaitStopPoint() {
    while (published.get() < workers) {
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(20));
    }
    long max = 0;
    for (int k = 0; k < workers; k++) {
      max = Math.max(max, positions.get(k));
    }
    return Math.min(max, cap);
  }
}
