package dev.falco4j.core.engine;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import dev.falco4j.output.Alert;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One thread of a {@link ParallelReplay}: reads the whole stream from its own source, applies every
 * event to its own {@link SystemState} (so that at every event it holds exactly the state a single
 * thread would), and evaluates its own copy of the engine only on the events its {@link
 * EvaluationPartition} gives it. Its alerts go, tagged with their event's position, into its
 * {@link AlertQueue}; after each event it publishes its position in the {@link EvaluationProgress}.
 *
 * <p>The per-event path adds to {@link EventLoop}'s: the partition choice (a multiply), one ordered
 * store (the watermark) and one volatile read (the stop request). Nothing is allocated per event
 * and nothing is locked.
 */
final class ReplayWorker implements Runnable, Consumer<Alert> {
  /** How long a worker waits before looking again at its full alert queue. */
  private static final long FULL_QUEUE_PAUSE_NANOS = TimeUnit.MICROSECONDS.toNanos(50);

  private final int index;
  private final int workers;
  private final EvaluationPartition partition;
  private final Engine template;
  private final EventSource given;
  private final ParallelReplay.SourceOpener opener;
  private final EventLoop.StateSeed afterSeeding;
  private final StopAgreement stop;
  private final EvaluationProgress progress;
  private final AlertQueue queue;
  private final Thread merger;
  private final long startNanos;
  private final long maxNanos;
  private final SystemState state = new SystemState();

  private Engine engine;
  /** Events applied so far: the position of the last one, 1-based. */
  private long position;
  /** Position of the event being evaluated, which the alerts raised now belong to. */
  private long evaluating;
  private boolean sawEnd;
  private Throwable failure;
  private volatile boolean done;

  /**
   * @param given the source to read, or null to open one with {@code opener}; a given source is
   *     the caller's to close, an opened one this worker's
   */
  ReplayWorker(int index, int workers, EvaluationPartition partition, Engine template,
      EventSource given, ParallelReplay.SourceOpener opener, EventLoop.StateSeed afterSeeding,
      StopAgreement stop, EvaluationProgress progress, AlertQueue queue, Thread merger,
      long startNanos, long maxNanos) {
    this.index = index;
    this.workers = workers;
    this.partition = partition;
    this.template = template;
    this.given = given;
    this.opener = opener;
    this.afterSeeding = afterSeeding;
    this.stop = stop;
    this.progress = progress;
    this.queue = queue;
    this.merger = merger;
    this.startNanos = startNanos;
    this.maxNanos = maxNanos;
  }

  @Override
  public void run() {
    EventSource opened = null;
    try {
      // Compiled here, so that the workers compile their copies of the rules in parallel.
      engine = template.replica(this);
      EventSource source = given;
      if (source == null) {
        source = opened = opener.open();
      }
      loop(source);
    } catch (IOException | RuntimeException | Error e) {
      failure = e;
      stop.fail(index, position);
    } finally {
      if (opened != null) {
        try {
          opened.close();
        } catch (IOException e) {
          if (failure == null) {
            failure = e;
          }
        }
      }
      // Everything this worker will ever queue is queued: its final watermark.
      progress.publish(index, position);
      stop.publish(index, position);
      done = true;
      LockSupport.unpark(merger);
    }
  }

  private void loop(EventSource source) throws IOException {
    TraceSeeder seeder = new TraceSeeder();
    seed(seeder, source);
    EvalContext ctx = new EvalContext(state);
    EventView view = new EventView();
    long stopAt = Long.MAX_VALUE;
    long pos = position;
    while (true) {
      if (stopAt == Long.MAX_VALUE && stop.requested()) {
        stop.publish(index, pos);
        stopAt = stop.awaitStopPoint();
      }
      if (pos >= stopAt) {
        return;
      }
      int r = source.next(view);
      if (r == EventSource.EVENT) {
        pos++;
        state.apply(view);
        if (partition.workerOf(pos, state.currentThread(), view.threadId(), workers) == index) {
          evaluating = pos;
          ctx.moveTo(view);
          engine.process(ctx);
        }
        position = pos;
        progress.publish(index, pos);
        // Checking the clock every 4096 events keeps the loop cheap (as EventLoop does).
        if ((pos & 0xFFF) == 0 && maxNanos != Long.MAX_VALUE
            && System.nanoTime() - startNanos > maxNanos) {
          stop.request();
        }
      } else if (r == EventSource.END) {
        sawEnd = true;
        return;
      } else if (r == EventSource.NEW_SECTION) {
        seed(seeder, source);
      } else if (maxNanos != Long.MAX_VALUE && System.nanoTime() - startNanos > maxNanos) {
        stop.request();
      }
    }
  }

  private void seed(TraceSeeder seeder, EventSource source) throws IOException {
    seeder.load(source.initialState(), state);
    if (afterSeeding != null) {
      afterSeeding.seed(state);
    }
  }

  /**
   * Called by this worker's engine for each alert it raises: queues it with its event's position,
   * waiting while the queue is full (the merger releases it as the other workers catch up).
   */
  @Override
  public void accept(Alert alert) {
    while (!queue.offer(evaluating, alert)) {
      if (stop.requested()) {
        // The other workers wait for every position before agreeing where to stop: give this one
        // (the event being evaluated will be finished) so they can go on and release this queue.
        stop.publish(index, evaluating);
      }
      LockSupport.unpark(merger);
      LockSupport.parkNanos(FULL_QUEUE_PAUSE_NANOS);
    }
  }

  /** Whether the worker has ended (its final watermark is published). */
  boolean done() {
    return done;
  }

  /** The worker's alerts not yet released. */
  AlertQueue queue() {
    return queue;
  }

  /** The engine copy it evaluated with, or null when it failed before having one. Read after done. */
  Engine engine() {
    return engine;
  }

  /** What ended the worker other than the end of the stream or a stop, or null. Read after done. */
  Throwable failure() {
    return failure;
  }

  /** Events applied. Read after done. */
  long position() {
    return position;
  }

  /** Whether the source reported its end. Read after done. */
  boolean sawEnd() {
    return sawEnd;
  }

  /** The state the worker maintained. Read after done. */
  SystemState state() {
    return state;
  }
}
