package dev.falco4j.examples.embed;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.engine.EngineRule;
import dev.falco4j.core.engine.EventLoop;
import dev.falco4j.core.engine.RuleSelection;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.rules.RulesLoadException;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import dev.falco4j.dsl.CompiledCondition;
import dev.falco4j.output.Alert;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Embedding Falco4J in a program: build an engine from rules text, feed it a trace (or any
 * {@link EventSource}) and receive alerts through a callback; then the same one event at a time,
 * and a single condition compiled and tested on events.
 *
 * <p>Run: {@code java -cp falco.jar dev.falco4j.examples.embed.EmbedExample TRACE.scap}
 */
public final class EmbedExample {

  /** Rules an application might ship inside its jar. */
  static final String RULES = """
      - list: interesting_tools
        items: [cat, curl, ping]
      - macro: spawned
        condition: evt.type = execve and evt.dir = <
      - rule: Tool started
        desc: one of the interesting tools started
        condition: spawned and proc.name in (interesting_tools)
        output: "%proc.name started by %proc.pname (user=%user.name pid=%proc.pid)"
        priority: NOTICE
        tags: [process]
      - rule: File below etc opened
        desc: a file below /etc was opened
        condition: evt.type in (open, openat) and evt.dir = < and fd.name startswith /etc
        output: "%proc.name opened %fd.name"
        priority: INFO
        tags: [filesystem]
      """;

  /** What a run saw. @param alerts alerts received @param events events read @param conditionMatches events matching the single condition */
  public record Summary(List<Alert> alerts, long events, long conditionMatches) {}

  private EmbedExample() {}

  /** Runs the three ways of using the engine on a trace, printing what happens to {@code out}. */
  public static Summary run(Path trace, PrintStream out) throws IOException, RulesLoadException {
    FieldCatalog catalog = new FieldCatalog();
    List<Alert> alerts = new ArrayList<>();

    // 1. An engine with a callback. Engines are cheap and independent: make one per thread.
    Engine engine = Engine.builder()
        .rulesString("embedded-rules.yaml", RULES)
        .fields(catalog)
        .eventTypeOf(catalog::eventTypeId)
        .onAlert(alerts::add)                       // called on the thread that feeds events
        .hostname("embedded")
        .build();                                   // RulesLoadException lists every problem
    for (EngineRule r : engine.activeRules()) {
      out.println("rule loaded: " + r.name() + " (" + r.priority().falcoName() + ")");
    }

    // 2. Feed a whole source: EventLoop applies each event to the system state, then evaluates.
    EventLoop.Result result;
    try (EventSource source = ScapFileSource.open(trace)) {
      result = new EventLoop(engine).run(source);
    }
    for (Alert a : alerts) {
      out.println("alert: " + a.priority().falcoName() + " " + a.rule() + ": " + a.output());
    }
    out.println(result.events() + " events, " + result.alerts() + " alerts");

    // 3. One event at a time, with a single compiled condition tested on each event as well.
    engine.select(RuleSelection.disableTag("filesystem"));      // rules can be switched at run time
    CompiledCondition<EvalContext> condition = engine.compileCondition("spawned or evt.type = close");
    long matches = 0;
    SystemState state = new SystemState();
    try (EventSource source = ScapFileSource.open(trace)) {
      new TraceSeeder().load(source.initialState(), state);
      EvalContext ctx = new EvalContext(state);
      EventView view = new EventView();
      int r;
      while ((r = source.next(view)) != EventSource.END) {
        if (r != EventSource.EVENT) {
          continue;
        }
        ctx.next(view);            // apply the event to the state
        if (condition.test(ctx)) { // the condition alone
          matches++;
        }
        engine.process(ctx);       // all enabled rules
      }
    }
    out.println("condition 'spawned or evt.type = close' matched " + matches + " events");
    for (EngineRule r : engine.rules()) {
      out.println("stats: " + r.stats());
    }
    return new Summary(List.copyOf(alerts), result.events(), matches);
  }

  /** Command-line entry: {@code EmbedExample TRACE.scap}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 1) {
      System.err.println("usage: EmbedExample TRACE.scap");
      System.exit(2);
    }
    run(Path.of(args[0]), System.out);
  }
}
