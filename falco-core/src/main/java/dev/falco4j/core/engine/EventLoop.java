package dev.falco4j.core.engine;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Feeds an {@link Engine} from an {@link EventSource}: seeds the system state from the source's
 * initial state (again at each new section of a concatenated trace), applies every event to the
 * state, then evaluates the rules on it. Stops at the end of the source, when {@link #stop()} is
 * called (from any thread, e.g. a signal handler), or after a wall-clock limit.
 *
 * <p>One loop per engine and source; {@link #run} runs on the calling thread.
 */
public final class EventLoop {
  private final Engine engine;
  private final SystemState state;
  private long maxNanos = Long.MAX_VALUE;
  private StateSeed afterSeeding;
  private volatile boolean stopped;

  /**
   * Adds to the state after it was seeded from the source's initial state, e.g. a {@code /proc}
   * scan for a live source, whose initial state holds no processes.
   */
  @FunctionalInterface
  public interface StateSeed {
    /** Adds what is known before the first event to {@code state}. */
    void seed(SystemState state) throws IOException;
  }

  /** The outcome of a run. @param events events processed @param alerts alerts raised @param stopped whether stopped before the end */
  public record Result(long events, long alerts, boolean stopped) {}

  /** A loop over a fresh state. */
  public EventLoop(Engine engine) {
    this(engine, new SystemState());
  }

  /** A loop over the given state (kept between runs, readable by the caller afterwards). */
  public EventLoop(Engine engine, SystemState state) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.state = Objects.requireNonNull(state, "state");
  }

  /** Stops after this much wall-clock time (Falco's {@code -M}). */
  public EventLoop maxDuration(Duration limit) {
    this.maxNanos = limit.toNanos();
    return this;
  }

  /**
   * Runs {@code seed} each time the state has been (re)seeded from the source's initial state (at
   * the start and at each new section), before any event of it is processed.
   */
  public EventLoop afterSeeding(StateSeed seed) {
    this.afterSeeding = seed;
    return this;
  }

  /** Asks a running loop to stop after the current event. */
  public void stop() {
    stopped = true;
  }

  /** The state the loop maintains. */
  public SystemState state() {
    return state;
  }

  /**
   * Runs until the source ends, {@link #stop()} or the time limit.
   *
   * @throws IOException when the source cannot be read on (its message names input and position)
   */
  public Result run(EventSource source) throws IOException {
    TraceSeeder seeder = new TraceSeeder();
    seed(seeder, source);
    EvalContext ctx = new EvalContext(state);
    EventView view = new EventView();
    long start = System.nanoTime();
    long events = 0;
    long alertsBefore = engine.alertsRaised();
    int r;
    while (!stopped && (r = source.next(view)) != EventSource.END) {
      if (r == EventSource.EVENT) {
        ctx.next(view);
        engine.process(ctx);
        events++;
        // Checking the clock every 4096 events keeps the loop cheap.
        if ((events & 0xFFF) == 0 && maxNanos != Long.MAX_VALUE
            && System.nanoTime() - start > maxNanos) {
          stopped = true;
        }
      } else if (r == EventSource.NEW_SECTION) {
        seed(seeder, source);
      } else if (maxNanos != Long.MAX_VALUE && System.nanoTime() - start > maxNanos) {
        stopped = true;
      }
    }
    return new Result(events, engine.alertsRaised() - alertsBefore, stopped);
  }

  private void seed(TraceSeeder seeder, EventSource source) throws IOException {
    seeder.load(source.initialState(), state);
    if (afterSeeding != null) {
      afterSeeding.seed(state);
    }
  }
}
