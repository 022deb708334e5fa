package dev.falco4j.core.engine;

import dev.falco4j.output.Alert;
import java.util.List;

/**
 * Puts the alerts of the {@link ParallelReplay} workers back into one stream in event order: an
 * alert is released once every worker's watermark has reached its event, because by then no worker
 * can still raise an alert for an earlier event. Released alerts go to the engine the run was
 * given ({@link Engine#deliver}: its listeners and output dispatcher), so the outputs see the
 * alerts, in the order and with the content, of a single-threaded run.
 *
 * <p>Each worker's queue is sorted by event position and each event is evaluated by one worker
 * only, so releasing means repeatedly taking the lowest first entry among the queues. Runs on one
 * thread (the caller of {@link ParallelReplay#run}); delivery never happens on a worker thread.
 */
final class AlertMerger {
  private final List<ReplayWorker> workers;
  private final EvaluationProgress progress;
  private final Engine target;
  private long released;
  private long discarded;
  private RuntimeException deliveryFailure;

  AlertMerger(List<ReplayWorker> workers, EvaluationProgress progress, Engine target) {
    this.workers = workers;
    this.progress = progress;
    this.target = target;
  }

  /** Whether every worker has ended. */
  boolean allDone() {
    for (ReplayWorker w : workers) {
      if (!w.done()) {
        return false;
      }
    }
    return true;
  }

  /** The lowest watermark now. */
  long watermark() {
    return progress.minimum();
  }

  /**
   * Delivers, in event order, every queued alert whose event is at or before {@code upTo}. After a
   * delivery failure (a listener threw), alerts are taken and dropped instead, so that workers
   * waiting for room in their queues can still finish.
   *
   * @return the number of alerts taken
   */
  int release(long upTo) {
    int taken = 0;
    while (true) {
      AlertQueue next = null;
      long lowest = Long.MAX_VALUE;
      for (ReplayWorker w : workers) {
        AlertQueue q = w.queue();
        if (!q.isEmpty()) {
          long p = q.firstPosition();
          if (p <= upTo && p < lowest) {
            lowest = p;
            next = q;
          }
        }
      }
      if (next == null) {
        return taken;
      }
      Alert alert = next.take();
      taken++;
      if (deliveryFailure != null) {
        discarded++;
        continue;
      }
      try {
        target.deliver(alert);
        released++;
      } catch (RuntimeException e) {
        deliveryFailure = e;
        discarded++;
      }
    }
  }

  /** Takes and drops what is left (alerts of events past the point where the run ended). */
  void discardRest() {
    for (ReplayWorker w : workers) {
      AlertQueue q = w.queue();
      while (!q.isEmpty()) {
        q.take();
        discarded++;
      }
    }
  }

  /** Alerts delivered. */
  long released() {
    return released;
  }

  /** Alerts dropped: past the end point, or after a delivery failure. */
  long discarded() {
    return discarded;
  }

  /** What a listener threw while an alert was delivered, or null. */
  RuntimeException deliveryFailure() {
    return deliveryFailure;
  }
}
