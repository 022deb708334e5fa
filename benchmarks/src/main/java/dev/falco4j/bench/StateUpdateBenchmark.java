package dev.falco4j.bench;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.state.SystemState;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The state tracker alone: a real trace's events, in order, applied to {@link SystemState} (thread
 * table, fd tables, enter/exit pairing, exec/clone/open/connect/close handling), as the replay loop
 * does before any rule runs. The trace is replayed again and again with time moving forward, like
 * the big race trace ({@code scapmul.py}); one op is one event.
 *
 * <ul>
 *   <li>{@link #apply}: {@code view.reset} + {@code state.apply} per event.
 *   <li>{@link #baseline}: {@code view.reset} and the header fields only, to subtract.
 * </ul>
 *
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is what state tracking allocates per event.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar StateUpdate -f 1 -wi 3 -i 3 -w 1 -r 1 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StateUpdateBenchmark {

  /** Events per invocation (the trace is cycled). */
  static final int EVENTS_PER_OP = 1024;

  @Param({"curl_google.scap"})
  public String trace;

  private RecordedTrace events;
  private SystemState state;
  private final EventView view = new EventView();
  private int cursor;

  @Setup(Level.Trial)
  public void load() throws IOException {
    events = RecordedTrace.load(trace);
    state = events.seededState();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_OP)
  public long apply() {
    RecordedTrace t = events;
    SystemState s = state;
    EventView v = view;
    int c = cursor;
    int n = t.count();
    for (int k = 0; k < EVENTS_PER_OP; k++) {
      if (c == n) {
        c = 0;
        t.nextCycle();
      }
      s.apply(t.show(c++, v));
    }
    cursor = c;
    return s.eventNumber();
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_OP)
  public long baseline() {
    RecordedTrace t = events;
    EventView v = view;
    int c = cursor;
    int n = t.count();
    long acc = 0;
    for (int k = 0; k < EVENTS_PER_OP; k++) {
      if (c == n) {
        c = 0;
        t.nextCycle();
      }
      t.show(c++, v);
      acc += v.timestamp() ^ v.threadId() ^ v.type();
    }
    cursor = c;
    return acc;
  }
}
