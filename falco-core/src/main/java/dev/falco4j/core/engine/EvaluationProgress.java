package dev.falco4j.core.engine;

import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How far each {@link ParallelReplay} worker has got: the watermark of worker {@code k} is the
 * position (1-based, in the stream) of the last event it has applied and, when the event was its
 * to evaluate, evaluated, with the alerts already queued. The merger releases an alert once every
 * watermark has reached its event.
 *
 * <p>Written once per event by its worker with {@code lazySet} (an ordered store: no fence, no
 * lock on the per-event path), read by the merger about once a millisecond. Each slot sits on its
 * own 128-byte stretch so that two workers' stores never share a cache line.
 */
final class EvaluationProgress {
  /** Longs between two slots: 128 bytes, two cache lines (adjacent-line prefetch). */
  private static final int STRIDE = 16;

  private final AtomicLongArray slots;
  private final int workers;

  EvaluationProgress(int workers) {
    this.workers = workers;
    // One extra stride before the first slot keeps it off the array header's line.
    this.slots = new AtomicLongArray((workers + 1) * STRIDE);
  }

  /** Worker {@code k} has finished the event at {@code position}. */
  void publish(int k, long position) {
    slots.lazySet((k + 1) * STRIDE, position);
  }

  /** The watermark of worker {@code k}. */
  long of(int k) {
    return slots.get((k + 1) * STRIDE);
  }

  /** The lowest watermark: every event up to it has been evaluated by whoever owns it. */
  long minimum() {
    long min = Long.MAX_VALUE;
    for (int k = 0; k < workers; k++) {
      min = Math.min(min, of(k));
    }
    return min;
  }
}
