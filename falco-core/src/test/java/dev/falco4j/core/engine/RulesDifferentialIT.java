package dev.falco4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.testing.Prerequisites;
import dev.falco4j.core.testing.SharedFiles;
import dev.falco4j.dsl.ast.AstPrinter;
import dev.falco4j.output.Priority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replays every shared trace with a test rules file of more than 20 rules and compares, per rule,
 * the number of alerts (rule_matching: all) with the number of events sysdig 0.29.3 selects with
 * the rule's macro-expanded condition ({@code sysdig -r T -p '%evt.num' COND}).
 */
class RulesDifferentialIT {

  private static Engine engine(Path rules) throws Exception {
    FieldCatalog catalog = new FieldCatalog();
    return Engine.builder()
        .rulesFile(rules)
        .fields(catalog)
        .eventTypeOf(catalog::eventTypeId)
        .settings(new EngineSettings(Priority.DEBUG, RuleMatching.ALL, List.of(), List.of()))
        .hostname("test")
        .build();
  }

  private static Map<String, Long> replay(Engine engine, Path trace) throws IOException {
    try (ScapFileSource source = ScapFileSource.open(trace)) {
      new EventLoop(engine).run(source);
    }
    Map<String, Long> counts = new LinkedHashMap<>();
    for (EngineRule r : engine.rules()) {
      counts.put(r.name(), r.stats().matches());
    }
    return counts;
  }

  private static long sysdigCount(Path sysdig, Path trace, String condition) throws Exception {
    Process p = new ProcessBuilder(sysdig.toString(), "-r", trace.toString(), "-p", "%evt.num",
        condition).redirectErrorStream(false).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("sysdig on %s with %s: %s", trace, condition, err).isZero();
    return out.lines().filter(l -> !l.isBlank()).count();
  }

  @Test
  void alertCountsPerRuleEqualSysdigMatchCounts() throws Exception {
    Path sysdig = Prerequisites.sysdig();
    Path rules = Path.of("src/test/resources/rules/differential_rules.yaml").toAbsolutePath();
    Engine probe = engine(rules);
    assertThat(probe.rules()).hasSizeGreaterThanOrEqualTo(20);
    Map<String, String> conditions = new HashMap<>();
    for (EngineRule r : probe.rules()) {
      conditions.put(r.name(), AstPrinter.print(r.conditionExpr()));
    }
    List<String> mismatches = new ArrayList<>();
    long compared = 0;
    long totalAlerts = 0;
    for (Path trace : SharedFiles.traces()) {
      Map<String, Long> ours = replay(engine(rules), trace);
      for (Map.Entry<String, Long> e : ours.entrySet()) {
        long theirs = sysdigCount(sysdig, trace, conditions.get(e.getKey()));
        compared++;
        totalAlerts += e.getValue();
        if (theirs != e.getValue()) {
          mismatches.add(trace.getFileName() + " / " + e.getKey() + ": falco4j " + e.getValue()
              + ", sysdig " + theirs + " for " + conditions.get(e.getKey()));
        }
      }
    }
    System.out.println("RulesDifferentialIT: " + compared + " (trace, rule) pairs compared, "
        + totalAlerts + " alerts, " + mismatches.size() + " mismatches");
    assertThat(mismatches).isEmpty();
    assertThat(totalAlerts).isPositive();
  }

  @Test
  void upstreamRulesReplayEverySharedTrace() throws Exception {
    Engine engine = engine(SharedFiles.upstreamRules());
    assertThat(engine.rules()).hasSizeGreaterThanOrEqualTo(20);
    long events = 0;
    for (Path trace : SharedFiles.traces()) {
      try (ScapFileSource source = ScapFileSource.open(trace)) {
        events += new EventLoop(engine).run(source).events();
      }
    }
    assertThat(events).isPositive();
    assertThat(engine.eventsProcessed()).isEqualTo(events);
  }
}
