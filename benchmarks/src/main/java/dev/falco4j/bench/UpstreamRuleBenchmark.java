package dev.falco4j.bench;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.engine.EngineRule;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.rules.RulesLoadException;
import dev.falco4j.dsl.CompiledCondition;
import dev.falco4j.dsl.ConditionCompiler;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Upstream rules on a prepared real event: ../shared/rules-upstream/falco_rules.yaml loaded as the
 * engine loads it (lists and macros expanded, exceptions folded in), evaluated against the field
 * catalog on curl_google.scap's {@code open("/etc/hosts")} exit with the state rebuilt up to it.
 *
 * <ul>
 *   <li>{@link #rule}: one rule's compiled condition ({@link #ruleName}), the "typical upstream
 *       rule after macro expansion" (target: under 25 ns).
 *   <li>{@link #engineProcess}: {@link Engine#process} on the event: every enabled rule whose
 *       event types include it runs, as in a replay (no alert is raised for this event).
 *   <li>{@link #baseline}: the context moved to the event only.
 * </ul>
 *
 * Each call first moves the context to the event, so per-event field caches start cold as they do
 * for a new event. With {@code -prof gc}: 0 B/op.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar UpstreamRule -f 1 -wi 3 -i 3 -w 1 -r 1 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class UpstreamRuleBenchmark {

  @Param({"Read sensitive file untrusted", "Read sensitive file trusted after startup",
      "Directory traversal monitored file read"})
  public String ruleName;

  @Param({"/etc/hosts"})
  public String openedPath;

  private Engine engine;
  private CompiledCondition<EvalContext> condition;
  private PreparedEvent event;

  @Setup(Level.Trial)
  public void prepare() throws IOException, RulesLoadException {
    FieldCatalog catalog = new FieldCatalog();
    engine = Engine.builder()
        .rulesFile(RecordedTrace.sharedFile("rules-upstream/falco_rules.yaml"))
        .fields(catalog)
        .eventTypeOf(catalog::eventTypeId)
        .hostname("bench")
        .build();
    EngineRule r = engine.rule(ruleName);
    if (r == null) {
      throw new IllegalStateException("no rule '" + ruleName + "' in the upstream rules");
    }
    condition = ConditionCompiler.create(catalog).compile(r.conditionExpr()).conditionOrThrow();
    event = PreparedEvent.openExit(RecordedTrace.load("curl_google.scap"), catalog, openedPath);
    int type = catalog.eventTypeId(event.view());
    if (!condition.canMatchEventType(type)) {
      throw new IllegalStateException("rule '" + ruleName + "' does not run on event type " + type);
    }
    if (engine.process(event.context()) != 0) {
      throw new IllegalStateException("the prepared event raises alerts; pick another");
    }
  }

  @Benchmark
  public boolean rule() {
    EvalContext ctx = event.context();
    ctx.moveTo(event.view());
    return condition.test(ctx);
  }

  @Benchmark
  public int engineProcess() {
    EvalContext ctx = event.context();
    ctx.moveTo(event.view());
    return engine.process(ctx);
  }

  @Benchmark
  public long baseline() {
    EvalContext ctx = event.context();
    ctx.moveTo(event.view());
    return ctx.sequence();
  }
}
