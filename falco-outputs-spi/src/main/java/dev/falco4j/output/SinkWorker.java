package dev.falco4j.output;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sink, its bounded queue and the thread that feeds it. Only this thread calls the sink (so
 * sinks need no locks); producers only offer to the queue. Every alert offered ends in exactly one
 * counter: delivered, failed or dropped — also when close gives up on a stuck sink (see {@link
 * #abandon()}).
 */
final class SinkWorker implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(SinkWorker.class);
  private static final long POLL_MILLIS = 50;
  private static final int FLUSH_EVERY = 256;
  /** How long an emptied queue is given to refill before the sink is flushed. */
  private static final long LINGER_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long FIRST_REOPEN_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
  private static final long MAX_REOPEN_DELAY_NANOS = TimeUnit.SECONDS.toNanos(30);

  final OutputSink sink;
  final ArrayBlockingQueue<Envelope> queue;
  final int capacity;
  final Thread thread;

  final AtomicLong offered = new AtomicLong();
  final AtomicLong delivered = new AtomicLong();
  final AtomicLong failed = new AtomicLong();
  final AtomicLong dropped = new AtomicLong();
  final AtomicLong latencyTotal = new AtomicLong();
  final AtomicLong latencyMax = new AtomicLong();
  final AtomicLong blocked = new AtomicLong();
  private final AtomicReference<Envelope> inFlight = new AtomicReference<>();

  /** System.nanoTime() when the current delivery started, 0 when idle. */
  volatile long deliveringSince;
  volatile String lastError;
  /** Set when the worker thread ended on an Error: the description, else null. */
  volatile String dead;
  /** The last flush failure, cleared by the next good flush. */
  volatile String flushError;
  private volatile boolean stopWhenEmpty;
  private volatile boolean abandoned;
  private volatile boolean reopenRequested;

  // Worker-thread state.
  private boolean open;
  private long nextOpenNanos;
  private long openDelayNanos = FIRST_REOPEN_DELAY_NANOS;
  private int sinceFlush;

  // Monitor-thread state (rate-limited reporting).
  long reportedDrops;
  long reportedFailures;
  long reportedBlockedSince;
  long lastDropLogNanos;
  long lastFailureLogNanos;

  SinkWorker(OutputSink sink, int capacity) {
    this.sink = sink;
    this.capacity = capacity;
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.thread = new Thread(this, "falco4j-output-" + sink.name());
    this.thread.setDaemon(true);
  }

  /** Producer side: waits at most until {@code deadlineNanos} for room; counts a drop otherwise. */
  boolean offer(Envelope e, long deadlineNanos) {
    offered.incrementAndGet();
    boolean accepted = queue.offer(e);
    if (!accepted) {
      long wait = deadlineNanos - System.nanoTime();
      if (wait > 0) {
        try {
          accepted = queue.offer(e, wait, TimeUnit.NANOSECONDS);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
        }
      }
    }
    if (!accepted) {
      dropped.incrementAndGet();
    }
    return accepted;
  }

  /** Producer side, after close raced with an offer: takes the alert back if still queued. */
  void withdraw(Envelope e) {
    if (queue.remove(e)) {
      dropped.incrementAndGet();
    }
  }

  /** Counts an alert offered after close, which no queue takes any more. */
  void refuse() {
    offered.incrementAndGet();
    dropped.incrementAndGet();
  }

  void requestReopen() {
    reopenRequested = true;
  }

  void stopWhenEmpty() {
    stopWhenEmpty = true;
  }

  /**
   * Close gave up waiting: the in-flight alert and everything queued count as dropped, and the
   * thread is interrupted. A delivery that still completes later is not counted twice.
   */
  void abandon() {
    abandoned = true;
    if (inFlight.getAndSet(null) != null) {
      dropped.incrementAndGet();
    }
    sweepQueue();
    thread.interrupt();
  }

  /** Counts what is left in the queue as dropped (after the worker stopped). */
  void sweepQueue() {
    while (queue.poll() != null) {
      dropped.incrementAndGet();
    }
  }

  @Override
  public void run() {
    try {
      loop();
    } catch (Throwable fatal) {
      // A plugin's Error must not vanish with its thread: logged once, shown in health, and
      // every later alert for this sink is counted as dropped (its queue fills and overflows).
      dead = fatal.toString();
      lastError = dead;
      LOG.error("output '{}' stopped: {}; its alerts are counted as dropped from now on",
          sink.name(), fatal.toString(), fatal);
    } finally {
      Envelope left = inFlight.getAndSet(null);
      if (left != null) {
        failed.incrementAndGet();
      }
    }
  }

  private void loop() {
    try {
      ensureOpen();
      while (!abandoned) {
        if (reopenRequested) {
          reopenRequested = false;
          reopen();
        }
        Envelope e;
        try {
          e = queue.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException ie) {
          break;
        }
        if (e == null) {
          flushIfNeeded();
          if (stopWhenEmpty && queue.isEmpty()) {
            break;
          }
          continue;
        }
        inFlight.set(e);
        if (abandoned) {
          if (inFlight.compareAndSet(e, null)) {
            dropped.incrementAndGet();
          }
          break;
        }
        boolean ok = deliver(e);
        if (inFlight.compareAndSet(e, null)) {
          long latency = System.nanoTime() - e.submitNanos();
          latencyTotal.addAndGet(latency);
          latencyMax.accumulateAndGet(latency, Math::max);
          (ok ? delivered : failed).incrementAndGet();
        }
        if (++sinceFlush >= FLUSH_EVERY) {
          flushIfNeeded();
        } else if (queue.isEmpty()) {
          // Alerts come in bursts: wait a moment for the rest before flushing. Parked (not
          // waiting on the queue), the worker is not woken by each offer, so a burst costs one
          // wake-up and one write per LINGER_NANOS instead of a context switch, a write and a
          // rotation check per alert (measured: ~1.5 s of 10 s CPU for 60000 alerts in a replay
          // on one core). Alerts reach the sink at most about a millisecond later.
          LockSupport.parkNanos(LINGER_NANOS);
          if (queue.isEmpty()) {
            flushIfNeeded();
          }
        }
      }
    } finally {
      flushIfNeeded();
      closeQuietly();
    }
  }

  private boolean deliver(Envelope e) {
    deliveringSince = System.nanoTime() | 1; // never 0 while delivering
    try {
      ensureOpenOrThrow();
      sink.deliver(e.alert());
      return true;
    } catch (IOException | RuntimeException | LinkageError ex) {
      // LinkageError: a plugin missing a class fails this delivery, not the whole sink.
      lastError = ex.toString();
      // The resource may be broken (closed pipe, rotated-away disk): reacquire before the next one.
      closeQuietly();
      return false;
    } finally {
      deliveringSince = 0;
    }
  }

  private void ensureOpen() {
    try {
      ensureOpenOrThrow();
    } catch (IOException | RuntimeException | LinkageError ex) {
      lastError = ex.toString();
      LOG.warn("output '{}' could not open: {} (retrying on the next alert)", sink.name(),
          ex.getMessage());
    }
  }

  private void ensureOpenOrThrow() throws IOException {
    if (open) {
      return;
    }
    long now = System.nanoTime();
    if (now - nextOpenNanos < 0) {
      throw new IOException("not open (retrying later): " + lastError);
    }
    try {
      sink.open();
      open = true;
      openDelayNanos = FIRST_REOPEN_DELAY_NANOS;
    } catch (IOException | RuntimeException ex) {
      nextOpenNanos = now + openDelayNanos;
      openDelayNanos = Math.min(openDelayNanos * 2, MAX_REOPEN_DELAY_NANOS);
      throw ex;
    }
  }

  private void reopen() {
    if (!open) {
      nextOpenNanos = System.nanoTime();
      ensureOpen();
      return;
    }
    flushIfNeeded();
    try {
      sink.reopen();
    } catch (IOException | RuntimeException | LinkageError ex) {
      open = false;
      lastError = ex.toString();
      LOG.warn("output '{}' could not reopen: {} (retrying on the next alert)", sink.name(),
          ex.getMessage());
    }
  }

  private void flushIfNeeded() {
    if (sinceFlush == 0 || !open) {
      sinceFlush = 0;
      return;
    }
    sinceFlush = 0;
    try {
      sink.flush();
      flushError = null;
    } catch (IOException | RuntimeException | LinkageError ex) {
      lastError = ex.toString();
      flushError = ex.toString();
      LOG.warn("output '{}' flush failed: {}", sink.name(), ex.getMessage());
      closeQuietly();
    }
  }

  private void closeQuietly() {
    if (!open) {
      return;
    }
    open = false;
    try {
      sink.close();
    } catch (IOException | RuntimeException | LinkageError ex) {
      lastError = ex.toString();
      LOG.warn("output '{}' close failed: {}", sink.name(), ex.getMessage());
    }
  }

  SinkStats stats() {
    return new SinkStats(
        sink.name(),
        offered.get(),
        delivered.get(),
        failed.get(),
        dropped.get(),
        queue.size(),
        capacity,
        latencyTotal.get(),
        latencyMax.get(),
        blocked.get(),
        health());
  }

  private SinkHealth health() {
    if (dead != null) {
      return SinkHealth.failing("output worker stopped: " + dead);
    }
    String flush = flushError;
    return flush != null ? SinkHealth.failing("flush failed: " + flush) : sink.health();
  }
}
