package dev.falco4j.core.engine;

import dev.falco4j.output.Alert;

/**
 * The alerts one {@link ParallelReplay} worker raised and the merger has not released yet, each
 * with the position of its event in the stream: a bounded single-producer (the worker),
 * single-consumer (the merger) ring. Positions only grow, so the queue is sorted by them.
 *
 * <p>No lock: the producer publishes an entry by a volatile write of {@code tail} after filling the
 * slot, the consumer frees it by a volatile write of {@code head} after reading it. Bounded so that
 * a worker far ahead of the others cannot pile up alerts without end; a full queue makes its worker
 * wait, which cannot deadlock: a queue's first alert is released once the other workers have
 * finished the events before it, which they do without waiting for this worker ({@link
 * AlertMerger#release}), even when the queue is full of alerts of the event still being evaluated.
 */
final class AlertQueue {
  private final long[] positions;
  private final Alert[] alerts;
  private final int mask;
  private volatile long head;
  private volatile long tail;

  /** A queue of {@code capacity} entries, rounded up to a power of two. */
  AlertQueue(int capacity) {
    int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
    positions = new long[size];
    alerts = new Alert[size];
    mask = size - 1;
  }

  /** Producer: appends unless full. */
  boolean offer(long position, Alert alert) {
    long t = tail;
    if (t - head > mask) {
      return false;
    }
    int i = (int) t & mask;
    positions[i] = position;
    alerts[i] = alert;
    tail = t + 1;
    return true;
  }

  /** Consumer: whether there is an entry. */
  boolean isEmpty() {
    return head == tail;
  }

  /** Consumer: the position of the first entry; only when not {@link #isEmpty}. */
  long firstPosition() {
    return positions[(int) head & mask];
  }

  /** Consumer: removes and returns the first entry's alert; only when not {@link #isEmpty}. */
  Alert take() {
    long h = head;
    int i = (int) h & mask;
    Alert a = alerts[i];
    alerts[i] = null;
    head = h + 1;
    return a;
  }

  /** Entries waiting (a snapshot). */
  int size() {
    return (int) (tail - head);
  }
}
