package dev.falco4j.bench;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.engine.EventLoop;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.rules.RulesLoadException;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Where a whole replay's time goes: one stage of the {@code falco -e} pipeline per run over a big
 * trace file, in a fresh JVM, timed from outside ({@code /usr/bin/time}) or profiled:
 * {@code read} (reader only), {@code state} (reader + state tracker), {@code engine} (reader +
 * state + rules from RULES, no outputs: the engine builds alerts, nobody writes them), {@code loop}
 * (the library's {@link EventLoop}, as the CLI runs it, without outputs).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.falco4j.bench.ReplayStages STAGE TRACE [RULES]</pre>
 */
public final class ReplayStages {

  private ReplayStages() {}

  /** Runs one stage (see the class comment). */
  public static void main(String[] args) throws IOException, RulesLoadException {
    if (args.length < 2) {
      throw new IllegalArgumentException("usage: ReplayStages read|state|engine|loop TRACE [RULES]");
    }
    String stage = args[0];
    Path trace = Path.of(args[1]);
    Engine engine = null;
    if (stage.equals("engine") || stage.equals("loop")) {
      FieldCatalog catalog = new FieldCatalog();
      engine = Engine.builder().rulesFile(Path.of(args[2])).fields(catalog)
          .eventTypeOf(catalog::eventTypeId).hostname("bench").build();
    }
    long t0 = System.nanoTime();
    long events = 0;
    long alerts = 0;
    try (ScapFileSource src = ScapFileSource.open(trace)) {
      if (stage.equals("loop")) {
        EventLoop.Result r = new EventLoop(engine).run(src);
        events = r.events();
        alerts = r.alerts();
      } else {
        SystemState state = new SystemState();
        new TraceSeeder().load(src.initialState(), state);
        EvalContext ctx = new EvalContext(state);
        EventView v = new EventView();
        boolean applyState = !stage.equals("read");
        for (int r; (r = src.next(v)) != EventSource.END; ) {
          if (r != EventSource.EVENT) {
            continue;
          }
          events++;
          if (applyState) {
            ctx.next(v);
            if (engine != null) {
              alerts += engine.process(ctx);
            }
          } else {
            alerts += v.type();
          }
        }
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("%s: %d events in %.2f s (%.2f M events/s), %d%n", stage, events, s,
        events / s / 1e6, alerts);
  }
}
