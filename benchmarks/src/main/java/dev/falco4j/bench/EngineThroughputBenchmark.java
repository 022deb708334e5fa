package dev.falco4j.bench;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.rules.RulesLoadException;
import java.io.IOException;
import java.nio.file.Path;
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
 * Engine throughput over an in-memory trace: every event of curl_google.scap, replayed again and
 * again with time moving forward, goes through the state tracker and the engine, as in {@code falco
 * -e} without the file reader and outputs. Scores are events per second.
 *
 * <ul>
 *   <li>{@link #stateAndEngine}: state update + rule evaluation per event, with {@link #rules}:
 *       {@code upstream} (../shared/rules-upstream/falco_rules.yaml, all of it) or {@code case-a}
 *       (benchmarks/race/case-a.yaml, the replay race's one rule; 6 alerts per trace pass, whose
 *       formatting is included: the engine builds the alert, no sink writes it).
 *   <li>{@link #stateOnly}: the state update alone, for the share of the rules.
 * </ul>
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar EngineThroughput -f 1 -wi 3 -i 3 -w 1 -r 1 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class EngineThroughputBenchmark {

  /** Events per invocation (the trace is cycled). */
  static final int EVENTS_PER_OP = 1024;

  @Param({"upstream", "case-a"})
  public String rules;

  private RecordedTrace trace;
  private Engine engine;
  private EvalContext ctx;
  private final EventView view = new EventView();
  private int cursor;

  @Setup(Level.Trial)
  public void load() throws IOException, RulesLoadException {
    Path file = switch (rules) {
      case "upstream" -> RecordedTrace.sharedFile("rules-upstream/falco_rules.yaml");
      case "case-a" -> raceRules("case-a.yaml");
      default -> throw new IllegalArgumentException("rules: upstream or case-a, not " + rules);
    };
    FieldCatalog catalog = new FieldCatalog();
    engine = Engine.builder().rulesFile(file).fields(catalog).eventTypeOf(catalog::eventTypeId)
        .hostname("bench").build();
    trace = RecordedTrace.load("curl_google.scap");
    ctx = new EvalContext(trace.seededState());
  }

  /** A rules file of the replay race: benchmarks/race/ from the repository root or benchmarks/. */
  static Path raceRules(String name) {
    for (Path p : new Path[] {Path.of("benchmarks/race", name), Path.of("race", name)}) {
      if (p.toFile().isFile()) {
        return p;
      }
    }
    throw new IllegalStateException("benchmarks/race/" + name
        + " not found: run from the repository root");
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_OP)
  public long stateAndEngine() {
    RecordedTrace t = trace;
    EvalContext c = ctx;
    Engine e = engine;
    EventView v = view;
    int i = cursor;
    int n = t.count();
    long alerts = 0;
    for (int k = 0; k < EVENTS_PER_OP; k++) {
      if (i == n) {
        i = 0;
        t.nextCycle();
      }
      c.next(t.show(i++, v));
      alerts += e.process(c);
    }
    cursor = i;
    return alerts;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_OP)
  public long stateOnly() {
    RecordedTrace t = trace;
    EvalContext c = ctx;
    EventView v = view;
    int i = cursor;
    int n = t.count();
    for (int k = 0; k < EVENTS_PER_OP; k++) {
      if (i == n) {
        i = 0;
        t.nextCycle();
      }
      c.next(t.show(i++, v));
    }
    cursor = i;
    return c.sequence();
  }
}
