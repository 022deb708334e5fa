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
 * only, so releasing means repeatedly taking the lowest first entry among the queues, as long as
 * no worker can still queue an alert before it. Runs on one
 * thread (the caller of {@link ParallelReplay#run}); delivery never happens on a worker thread.
 */
final class AlertMerger {
  private final List<ReplayWorker> workers;
  private final EvaluationProgress progress;
  private final Engine target;
  /** Per worker, the last event it has surely finished (see {@link #release}). */
  private final long[] finished;
  private long released;
  private long discarded;
  private RuntimeException deliveryFailure;

  AlertMerger(List<ReplayWorker> workers, EvaluationProgress progress, Engine target) {
    this.workers = workers;
    this.progress = progress;
    this.target = target;
    this.finished = new long[workers.size()];
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
   * Delivers, in event order, every queued alert that can no longer be preceded by another, and
   * whose event is at or before {@code upTo}. After a delivery failure (a listener threw), alerts
   * are taken and dropped instead, so that workers waiting for room in their queues can finish.
   *
   * <p>The first alert of worker k, at event p, can go when every other worker has finished every
   * event before p: their later alerts are for events after p (p is k's alone), and k's own come
   * after it in its queue. What a worker has finished is its watermark, or more: a worker whose
   * first queued alert is at p has finished p - 1. So a worker whose queue is full of alerts of the
   * event it is evaluating still gets them released, and the run cannot stall.
   *
   * @return the number of alerts taken
   */
  int release(long upTo) {
    int n = workers.size();
    for (int k = 0; k < n; k++) {
      finished[k] = progress.of(k);
    }
    int taken = 0;
    while (true) {
      int next = -1;
      long lowest = Long.MAX_VALUE;
      for (int k = 0; k < n; k++) {
        AlertQueue q = workers.get(k).queue();
        if (!q.isEmpty()) {
          long p = q.firstPosition();
          finished[k] = Math.max(finished[k], p - 1);
          if (p <= upTo && p < lowest) {
            lowest = p;
            next = k;
          }
        }
      }
      if (next < 0 || !othersFinishedBefore(next, lowest)) {
        return taken;
      }
      Alert alert = workers.get(next).queue().take();
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

  /** Whether every worker but {@code k} has finished every event before {@code position}. */
  private boolean othersFinishedBefore(int k, long position) {
    for (int j = 0; j < finished.length; j++) {
      if (j != k && finished[j] < position - 1) {
        return false;
      }
    }
    return true;
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
