package dev.falco4j.output;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands alerts from the engine to the sinks without letting any sink slow detection down.
 *
 * <p>Each sink has its own bounded queue and its own worker thread. {@link #submit(Alert)} offers
 * the alert to every queue and returns; when a queue is full it waits at most the configured submit
 * timeout (zero by default) and then drops the alert <em>for that sink only</em>, counting and
 * logging the drop. So a slow, hung or dead sink costs detection at most that bound, costs memory
 * at most its queue, and never delays the other sinks. Every alert offered to a sink ends in
 * exactly one of its counters: delivered, failed, or dropped.
 *
 * <pre>{@code
 * OutputDispatcher outputs = OutputDispatcher.builder()
 *     .config(OutputsConfig.fromConfig(falcoYaml))
 *     .sinks(SinkCatalog.discover(loader).createEnabled(falcoYaml))
 *     .build();
 * outputs.submit(alert);          // from the engine thread; never blocks past the bound
 * outputs.stats();                // counters for metrics
 * outputs.close();                // drains with a timeout
 * }</pre>
 *
 * <p>A monitor thread reports drops, failures and deliveries slower than {@code output_timeout}
 * (rate-limited to one message per sink and kind every 10 s), and runs the optional flood guard.
 * Thread-safe; several engines may submit concurrently.
 */
public final class OutputDispatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(OutputDispatcher.class);
  private static final long LOG_EVERY_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final List<SinkWorker> workers;
  private final long submitTimeoutNanos;
  private final long outputTimeoutNanos;
  private final Duration closeTimeout;
  private final FloodGuard floodGuard;
  private final ScheduledExecutorService monitor;
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong folded = new AtomicLong();
  private final AtomicLong summaries = new AtomicLong();
  private volatile boolean closed;

  private OutputDispatcher(Builder b) {
    List<SinkWorker> list = new ArrayList<>(b.sinks.size());
    for (OutputSink sink : b.sinks) {
      list.add(new SinkWorker(sink, b.capacity));
    }
    this.workers = List.copyOf(list);
    this.submitTimeoutNanos = b.submitTimeout.toNanos();
    this.outputTimeoutNanos = b.outputTimeout.toNanos();
    this.closeTimeout = b.closeTimeout;
    this.floodGuard =
        b.floodGuardWindow == null ? null : new FloodGuard(b.floodGuardWindow.toNanos(), 10_000);
    this.monitor =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "falco4j-output-monitor");
              t.setDaemon(true);
              return t;
            });
    for (SinkWorker w : workers) {
      w.thread.start();
    }
    long period = 100;
    if (b.floodGuardWindow != null) {
      period = Math.max(1, Math.min(period, b.floodGuardWindow.toMillis() / 4));
    }
    monitor.scheduleWithFixedDelay(this::monitorTick, period, period, TimeUnit.MILLISECONDS);
  }

  /**
   * The dispatcher a falco.yaml document describes: providers discovered through {@code loader}
   * (plus {@code output_providers}), a sink for each {@code <name>_output} section with {@code
   * enabled: true}, queue capacity, timeouts and flood guard from the document.
   *
   * @param root the falco.yaml document as plain maps, lists and scalars
   * @throws SinkConfigException naming the offending key or provider classes
   */
  public static OutputDispatcher fromConfig(Map<String, ?> root, ClassLoader loader) {
    OutputsConfig config = OutputsConfig.fromConfig(root);
    SinkCatalog catalog = SinkCatalog.discover(loader, config.providerClasses());
    return builder().config(config).sinks(catalog.createEnabled(root)).build();
  }

    /** A builder with the defaults: capacity 10000, submit timeout 0, output timeout 2 s. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Offers an alert to every sink. Never waits longer than the submit timeout in total; a sink
   * whose queue stays full gets a counted drop instead.
   *
   * @return true when every sink accepted the alert (or the flood guard folded it)
   */
  public boolean submit(Alert alert) {
    Objects.requireNonNull(alert, "alert");
    submitted.incrementAndGet();
    long now = System.nanoTime();
    if (floodGuard != null && !closed) {
      List<Alert> due = new ArrayList<>(0);
      boolean pass = floodGuard.admit(alert, now, due);
      for (Alert summary : due) {
        summaries.incrementAndGet();
        enqueue(summary, now);
      }
      if (!pass) {
        folded.incrementAndGet();
        return true;
      }
    }
    return enqueue(alert, now);
  }

  private boolean enqueue(Alert alert, long now) {
    if (closed) {
      for (SinkWorker w : workers) {
        w.refuse();
      }
      return false;
    }
    Envelope e = new Envelope(alert, now);
    long deadline = now + submitTimeoutNanos;
    boolean all = true;
    for (SinkWorker w : workers) {
      if (w.offer(e, deadline)) {
        if (closed) {
          // close() may already have swept this queue: take the alert back and count it.
          w.withdraw(e);
        }
      } else {
        all = false;
      }
    }
    return all;
  }

  /** Asks every sink to reopen its resources (Falco does this on SIGUSR1, e.g. after rotation). */
  public void reopen() {
    for (SinkWorker w : workers) {
      w.requestReopen();
    }
  }

  /** Current counters. */
  public DispatcherStats stats() {
    List<SinkStats> list = new ArrayList<>(workers.size());
    for (SinkWorker w : workers) {
      list.add(w.stats());
    }
    return new DispatcherStats(submitted.get(), folded.get(), summaries.get(), list);
  }

  /** Closes with the builder's close timeout; see {@link #close(Duration)}. */
  @Override
  public void close() {
    close(closeTimeout);
  }

  /**
   * Stops taking alerts, lets every sink deliver what is queued, flushes and closes the sinks.
   * Sinks that do not finish within {@code timeout} are abandoned: their queued and in-flight
   * alerts count as dropped. Idempotent.
   *
   * @return true when every sink finished within the timeout
   */
  public boolean close(Duration timeout) {
    synchronized (this) {
      if (closed) {
        return true;
      }
      if (floodGuard != null) {
        List<Alert> due = new ArrayList<>();
        floodGuard.sweep(System.nanoTime(), true, due);
        for (Alert summary : due) {
          summaries.incrementAndGet();
          enqueue(summary, System.nanoTime());
        }
      }
      closed = true;
    }
    monitor.shutdownNow();
    for (SinkWorker w : workers) {
      w.stopWhenEmpty();
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean allFinished = true;
    for (SinkWorker w : workers) {
      try {
        long left = deadline - System.nanoTime();
        if (left > 0) {
          TimeUnit.NANOSECONDS.timedJoin(w.thread, left);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (w.thread.isAlive()) {
        allFinished = false;
        LOG.warn(
            "output '{}' did not finish within {} ms; abandoning {} queued alert(s)",
            w.sink.name(), timeout.toMillis(), w.queue.size());
        w.abandon();
      } else {
        w.sweepQueue();
      }
    }
    reportTotals();
    return allFinished;
  }

  private void reportTotals() {
    for (SinkWorker w : workers) {
      SinkStats s = w.stats();
      if (s.dropped() > 0 || s.failed() > 0) {
        LOG.warn(
            "output '{}': {} alert(s) delivered, {} failed, {} dropped (of {} offered){}",
            s.name(), s.delivered(), s.failed(), s.dropped(), s.offered(),
            w.lastError == null ? "" : "; last error: " + w.lastError);
      }
    }
  }

  private void monitorTick() {
    // An exception would silently cancel the periodic task: report it and keep monitoring.
    try {
      monitorOnce();
    } catch (RuntimeException e) {
      LOG.error("output monitor failed; continuing", e);
    }
  }

  private void monitorOnce() {
    long now = System.nanoTime();
    if (floodGuard != null) {
      List<Alert> due = new ArrayList<>(0);
      floodGuard.sweep(now, false, due);
      for (Alert summary : due) {
        summaries.incrementAndGet();
        enqueue(summary, now);
      }
    }
    for (SinkWorker w : workers) {
      long drops = w.dropped.get();
      if (drops != w.reportedDrops && (w.lastDropLogNanos == 0 || now - w.lastDropLogNanos >= LOG_EVERY_NANOS)) {
        LOG.warn(
            "output '{}' is not keeping up: queue full (capacity {}), {} alert(s) dropped since the"
                + " last report, {} in total",
            w.sink.name(), w.capacity, drops - w.reportedDrops, drops);
        w.reportedDrops = drops;
        w.lastDropLogNanos = now;
      }
      long failures = w.failed.get();
      if (failures != w.reportedFailures
          && (w.lastFailureLogNanos == 0 || now - w.lastFailureLogNanos >= LOG_EVERY_NANOS)) {
        LOG.warn(
            "output '{}' failed to deliver {} alert(s) since the last report ({} in total): {}",
            w.sink.name(), failures - w.reportedFailures, failures, w.lastError);
        w.reportedFailures = failures;
        w.lastFailureLogNanos = now;
      }
      long since = w.deliveringSince;
      if (since != 0 && now - since > outputTimeoutNanos && since != w.reportedBlockedSince) {
        w.reportedBlockedSince = since;
        w.blocked.incrementAndGet();
        LOG.warn(
            "output '{}' is blocked: one delivery has taken more than output_timeout ({} ms);"
                + " its alerts queue up and are dropped when the queue is full",
            w.sink.name(), TimeUnit.NANOSECONDS.toMillis(outputTimeoutNanos));
      }
    }
  }

  /** Configures an {@link OutputDispatcher}. */
  public static final class Builder {
    private final List<OutputSink> sinks = new ArrayList<>();
    private int capacity = OutputsConfig.DEFAULT_CAPACITY;
    private Duration submitTimeout = Duration.ZERO;
    private Duration outputTimeout = Duration.ofMillis(2000);
    private Duration closeTimeout = Duration.ofSeconds(5);
    private Duration floodGuardWindow;

    private Builder() {}

    /** Adds a sink; names must be unique. */
    public Builder sink(OutputSink sink) {
      sinks.add(Objects.requireNonNull(sink, "sink"));
      return this;
    }

    /** Adds sinks, in order. */
    public Builder sinks(Collection<? extends OutputSink> more) {
      for (OutputSink s : more) {
        sink(s);
      }
      return this;
    }

    /** Takes capacity, timeouts and flood guard from the configuration. */
    public Builder config(OutputsConfig config) {
      capacity(config.queueCapacity());
      submitTimeout(config.submitTimeout());
      outputTimeout(config.outputTimeout());
      floodGuard(config.floodGuardWindow());
      return this;
    }

    /** Queue capacity per sink ({@code outputs_queue.capacity}), at least 1. */
    public Builder capacity(int value) {
      if (value < 1) {
        throw new IllegalArgumentException("capacity must be at least 1: " + value);
      }
      this.capacity = value;
      return this;
    }

    /** Longest time {@code submit} waits in total for room in full queues; zero never waits. */
    public Builder submitTimeout(Duration value) {
      this.submitTimeout = nonNegative(value, "submitTimeout");
      return this;
    }

    /** A single delivery slower than this is reported as a blocked output ({@code output_timeout}). */
    public Builder outputTimeout(Duration value) {
      this.outputTimeout = nonNegative(value, "outputTimeout");
      return this;
    }

    /** How long {@link OutputDispatcher#close()} waits for the sinks to drain. */
    public Builder closeTimeout(Duration value) {
      this.closeTimeout = nonNegative(value, "closeTimeout");
      return this;
    }

    /** Turns the flood guard on with this window; null turns it off (the default). */
    public Builder floodGuard(Duration window) {
      if (window != null && (window.isNegative() || window.isZero())) {
        throw new IllegalArgumentException("flood guard window must be positive: " + window);
      }
      this.floodGuardWindow = window;
      return this;
    }

    /** Starts the workers. */
    public OutputDispatcher build() {
      Set<String> names = new HashSet<>();
      for (OutputSink s : sinks) {
        if (!names.add(s.name())) {
          throw new IllegalArgumentException("two sinks are named '" + s.name() + "'");
        }
      }
      return new OutputDispatcher(this);
    }

    private static Duration nonNegative(Duration d, String what) {
      Objects.requireNonNull(d, what);
      if (d.isNegative()) {
        throw new IllegalArgumentException(what + " must not be negative: " + d);
      }
      return d;
    }
  }
}
