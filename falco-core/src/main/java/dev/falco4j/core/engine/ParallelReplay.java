package dev.falco4j.core.engine;

import dev.falco4j.core.event.spi.EventSource;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Replays a trace with rule evaluation spread over several threads, with the output of a
 * single-threaded {@link EventLoop}: the same alerts, in the same order, with the same content, and
 * the same counters. Falco evaluates a source on one thread; this is how Falco4J uses more cores.
 *
 * <pre>{@code
 * Path trace = Path.of("trace.scap");
 * ParallelReplay replay = new ParallelReplay(engine, 2);
 * try (EventSource first = ScapFileSource.open(trace)) {
 *   EventLoop.Result r = replay.run(first, () -> ScapFileSource.open(trace));
 * }
 * }</pre>
 *
 * <p><b>Design: replicated state, partitioned evaluation.</b> Each of the N workers (threads)
 * reads the whole stream from its own source (for a trace file, its own reader of the same file:
 * the page cache makes the second read cheap) and applies every event to its own {@link
 * dev.falco4j.core.state.SystemState}, so its state is, at every event, exactly the single-threaded
 * state. Each evaluates its own copy of the engine (the rules are loaded and resolved once, then
 * compiled once per worker, since compiled conditions keep per-evaluation buffers) only on the
 * events the {@link EvaluationPartition} gives it: by default by process, {@code hash(proc.pid) %
 * N}, so that all events of one process go to one worker, in order. Exact by construction: no
 * state is shared, no event is evaluated twice or skipped. The price is that reading and state
 * tracking are done N times; only evaluation is divided. So it pays only where evaluation is most
 * of the work per event: on the replay race's trace with the upstream rules, an event runs 0.34
 * conditions on average, reading and state tracking are most of the time, and two workers take
 * about twice the CPU of one thread for no gain in wall time (measured; see the issue 10 notes).
 *
 * <p><b>Merging.</b> A worker tags its alerts with their event's position and publishes a
 * watermark (the last event it has finished) after every event; the calling thread merges the
 * alerts and hands one to the given engine's listeners and dispatcher only when every watermark has
 * passed its event ({@link AlertMerger}). No lock and no allocation per event: the watermark is an
 * ordered store, the merger parks for a millisecond when nothing can be released. At the end, the
 * workers' counters (events, per rule evaluations, matches and time) are added to the given
 * engine's, so {@link Engine#stats()} and {@link Engine#eventsProcessed()} read as after one thread.
 *
 * <p><b>Stopping and errors</b> behave as in {@link EventLoop}: {@link #stop()} (any thread) and
 * {@link #maxDuration} end the run after some event, agreed by all workers so that the result is a
 * single-threaded run stopped there ({@link StopAgreement}); a new section of a concatenated trace
 * reseeds each worker's state; when a source cannot be read on, every worker stops at the failing
 * event, the alerts before it are delivered once, and {@link #run} throws that source's exception,
 * once. {@link #afterSeeding} hooks run once per worker, on its thread, and must give every worker
 * the same state.
 *
 * <p><b>Replay only.</b> Live capture is not covered yet: the eBPF probe cannot be opened twice, so
 * the workers cannot each read their own copy of the stream. The live version would fan out the
 * probe's batches to the workers (one reader, N consumers of the same buffers). Selections made on
 * the engine ({@link Engine#select}) during a run do not reach the workers' copies.
 *
 * <p>One run per instance.
 */
public final class ParallelReplay {
  /** Alerts a worker may have waiting for the others before it waits too. */
  static final int DEFAULT_QUEUE_CAPACITY = 4096;
  /** How long the merger sleeps when nothing can be released. */
  private static final long MERGER_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

  /** Opens one more source over the same events (for a trace: another reader of the file). */
  @FunctionalInterface
  public interface SourceOpener {
    /** A new source, positioned at the start, delivering the same events as the others. */
    EventSource open() throws IOException;
  }

  private final Engine engine;
  private final int workerCount;
  private EvaluationPartition partition = EvaluationPartition.PROCESS;
  private long maxNanos = Long.MAX_VALUE;
  private EventLoop.StateSeed afterSeeding;
  private int queueCapacity = DEFAULT_QUEUE_CAPACITY;
  private volatile boolean stopRequested;
  private volatile StopAgreement agreement;
  private boolean ran;

  /**
   * A replay evaluating with {@code workers} threads; alerts go to {@code engine}'s listeners and
   * dispatcher, and its counters receive the run's.
   */
  public ParallelReplay(Engine engine, int workers) {
    this.engine = Objects.requireNonNull(engine, "engine");
    if (workers < 1) {
      throw new IllegalArgumentException("evaluation threads must be at least 1, got " + workers);
    }
    this.workerCount = workers;
  }

  /** How events are divided among the workers (default {@link EvaluationPartition#PROCESS}). */
  public ParallelReplay partition(EvaluationPartition value) {
    this.partition = Objects.requireNonNull(value, "partition");
    return this;
  }

  /** Stops after this much wall-clock time (Falco's {@code -M}). */
  public ParallelReplay maxDuration(Duration limit) {
    this.maxNanos = limit.toNanos();
    return this;
  }

  /**
   * Runs {@code seed} on each worker's state each time it has been (re)seeded from its source's
   * initial state; it must give every worker the same state.
   */
  public ParallelReplay afterSeeding(EventLoop.StateSeed seed) {
    this.afterSeeding = seed;
    return this;
  }

  /** Alerts a worker may have waiting before it waits for the others (tests use small values). */
  ParallelReplay queueCapacity(int value) {
    this.queueCapacity = value;
    return this;
  }

  /** The number of evaluation threads. */
  public int workers() {
    return workerCount;
  }

  /** Asks a running replay to stop soon after the current event; from any thread. */
  public void stop() {
    stopRequested = true;
    StopAgreement a = agreement;
    if (a != null) {
      a.request();
    }
  }

  /**
   * Replays {@code sources.open()} on every worker (each source is closed by its worker).
   *
   * @throws IOException when a source cannot be opened or read on (its message names input and
   *     position); the alerts of the events before are delivered
   */
  public EventLoop.Result run(SourceOpener sources) throws IOException {
    return run(null, sources);
  }

  /**
   * Replays with {@code first} on the first worker (left open: it is the caller's, e.g. to read its
   * {@link EventSource#stats()} afterwards) and {@code more.open()} on each other.
   *
   * @throws IOException when a source cannot be opened or read on (its message names input and
   *     position); the alerts of the events before are delivered
   */
  public EventLoop.Result run(EventSource first, SourceOpener more) throws IOException {
    Objects.requireNonNull(more, "more");
    synchronized (this) {
      if (ran) {
        throw new IllegalStateException("a ParallelReplay runs once");
      }
      ran = true;
    }
    StopAgreement stop = new StopAgreement(workerCount);
    agreement = stop;
    if (stopRequested) {
      stop.request();
    }
    EvaluationProgress progress = new EvaluationProgress(workerCount);
    long start = System.nanoTime();
    Thread self = Thread.currentThread();
    List<ReplayWorker> workers = new ArrayList<>(workerCount);
    for (int k = 0; k < workerCount; k++) {
      workers.add(new ReplayWorker(k, workerCount, partition, engine, k == 0 ? first : null, more,
          afterSeeding, stop, progress, new AlertQueue(queueCapacity), self, start, maxNanos));
    }
    List<Thread> threads = new ArrayList<>(workerCount);
    for (int k = 0; k < workerCount; k++) {
      Thread t = new Thread(workers.get(k), "falco-eval-" + k);
      t.setDaemon(true);
      threads.add(t);
    }
    for (Thread t : threads) {
      t.start();
    }
    AlertMerger merger = new AlertMerger(workers, progress, engine);
    boolean interrupted = merge(merger, stop);
    for (Thread t : threads) {
      while (t.isAlive()) {
        try {
          t.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      self.interrupt();
    }
    return finish(workers, merger, stop);
  }

  /** Releases alerts until every worker has ended; returns whether this thread was interrupted. */
  private boolean merge(AlertMerger merger, StopAgreement stop) {
    boolean interrupted = false;
    while (true) {
      // Done flags first: a worker publishes its final watermark before it says it is done.
      boolean allDone = merger.allDone();
      // Once all are done, nothing past the lowest final watermark (where the run ended) goes out.
      int taken = merger.release(allDone ? merger.watermark() : Long.MAX_VALUE);
      if (allDone) {
        merger.discardRest();
        return interrupted;
      }
      if (merger.deliveryFailure() != null && !stop.requested()) {
        stop.request();
      }
      if (taken == 0) {
        LockSupport.parkNanos(MERGER_PAUSE_NANOS);
      }
      if (Thread.interrupted()) {
        // An interrupt stops the run, as stop() does; the flag is restored afterwards.
        interrupted = true;
        stop.request();
      }
    }
  }

  private EventLoop.Result finish(List<ReplayWorker> workers, AlertMerger merger, StopAgreement stop)
      throws IOException {
    long end = Long.MAX_VALUE;
    boolean allSawEnd = true;
    Throwable failure = null;
    long failedAt = Long.MAX_VALUE;
    for (ReplayWorker w : workers) {
      if (w.engine() != null) {
        engine.addCounters(w.engine());
      }
      end = Math.min(end, w.position());
      allSawEnd &= w.sawEnd();
      // The failure earliest in the stream is the one a single thread would have met.
      if (w.failure() != null && w.position() < failedAt) {
        failure = w.failure();
        failedAt = w.position();
      }
    }
    if (failure instanceof IOException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    if (failure instanceof Error e) {
      throw e;
    }
    if (merger.deliveryFailure() != null) {
      throw merger.deliveryFailure();
    }
    return new EventLoop.Result(end, merger.released(), stop.requested() && !allSawEnd);
  }
}
