package dev.falco4j.bench;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.rules.RulesLoadException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A/B helper for a shared, loaded machine: the loop of {@link EngineThroughputBenchmark} timed by
 * the thread's CPU time instead of the wall clock, so that other processes on the same cores move
 * the result much less. Prints the median CPU nanoseconds per event of several rounds after a
 * warm-up. Run two builds alternately and compare; JMH stays the reference for published numbers.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.falco4j.bench.ReplayCpuTime state|upstream|case-a [ROUNDS] [EVENTS]</pre>
 */
public final class ReplayCpuTime {

  private ReplayCpuTime() {}

  /** Runs the measurement (see the class comment for the arguments). */
  public static void main(String[] args) throws IOException, RulesLoadException {
    String mode = args.length > 0 ? args[0] : "upstream";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 7;
    int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 2_000_000;
    RecordedTrace trace = RecordedTrace.load("curl_google.scap");
    Engine engine = null;
    if (!mode.equals("state")) {
      Path rules = mode.equals("upstream")
          ? RecordedTrace.sharedFile("rules-upstream/falco_rules.yaml")
          : EngineThroughputBenchmark.raceRules(mode + ".yaml");
      FieldCatalog catalog = new FieldCatalog();
      engine = Engine.builder().rulesFile(rules).fields(catalog)
          .eventTypeOf(catalog::eventTypeId).hostname("bench").build();
    }
    EvalContext ctx = new EvalContext(trace.seededState());
    EventView view = new EventView();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    int[] cursor = {0};
    run(trace, ctx, engine, view, cursor, perRound * 2); // warm-up
    double[] ns = new double[rounds];
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long t0 = mx.getCurrentThreadCpuTime();
      sink += run(trace, ctx, engine, view, cursor, perRound);
      ns[r] = (mx.getCurrentThreadCpuTime() - t0) / (double) perRound;
    }
    Arrays.sort(ns);
    System.out.printf("%s: median %.1f CPU ns/event (min %.1f, max %.1f, %d rounds of %d; %d)%n",
        mode, ns[rounds / 2], ns[0], ns[rounds - 1], rounds, perRound, sink & 1);
  }

  private static long run(RecordedTrace t, EvalContext c, Engine e, EventView v, int[] cursor,
      int events) {
    int i = cursor[0];
    int n = t.count();
    long alerts = 0;
    for (int k = 0; k < events; k++) {
      if (i == n) {
        i = 0;
        t.nextCycle();
      }
      c.next(t.show(i++, v));
      if (e != null) {
        alerts += e.process(c);
      }
    }
    cursor[0] = i;
    return alerts;
  }
}
