package dev.falco4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.config.ConfigLoader;
import dev.falco4j.core.config.FalcoConfig;
import dev.falco4j.core.rules.ProblemCode;
import dev.falco4j.core.rules.RulesLoadException;
import dev.falco4j.core.rules.RulesProblem;
import dev.falco4j.output.Alert;
import dev.falco4j.output.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EngineTest {
  private final FakeFields fields = new FakeFields();
  private final List<Alert> alerts = new ArrayList<>();

  private static final String RULES = """
      - list: shells
        items: [bash, sh]
      - macro: opened
        condition: evt.type = open
      - rule: Shell opens file
        desc: a shell opened a file
        condition: opened and proc.name in (shells)
        output: "%proc.name opened %fd.name (fd=%fd.num)"
        priority: WARNING
        tags: [filesystem, shell]
      - rule: Any open
        desc: any open
        condition: opened
        output: open by %proc.name
        priority: DEBUG
        tags: [filesystem]
      - rule: Exec
        desc: exec
        condition: evt.type = execve
        output: exec %proc.name
        priority: NOTICE
        tags: [process]
      """;

  private Engine.Builder builder() {
    return Engine.builder().rulesString("rules.yaml", RULES).fields(fields).hostname("h")
        .onAlert(alerts::add);
  }

  @Test
  void firstMatchingRuleWinsByDefault() throws Exception {
    Engine engine = builder().build();
    fields.procName = "bash";
    fields.fdName = "/etc/passwd";
    fields.fdNum = 3L;
    assertThat(engine.process(fields.event(3, 1_000_000_123L))).isEqualTo(1);
    Alert a = alerts.get(0);
    assertThat(a.rule()).isEqualTo("Shell opens file");
    assertThat(a.priority()).isEqualTo(Priority.WARNING);
    assertThat(a.output()).isEqualTo("bash opened /etc/passwd (fd=3)");
    assertThat(a.outputFields()).containsExactly(Map.entry("proc.name", "bash"),
        Map.entry("fd.name", "/etc/passwd"), Map.entry("fd.num", 3L));
    assertThat(a.tags()).containsExactly("filesystem", "shell");
    assertThat(a.hostname()).isEqualTo("h");
    assertThat(a.epochNanos()).isEqualTo(1_000_000_123L);
    assertThat(a.source()).isEqualTo("syscall");
  }

  @Test
  void allMatchingRulesWithRuleMatchingAll() throws Exception {
    Engine engine = builder().settings(new EngineSettings(Priority.DEBUG, RuleMatching.ALL,
        List.of(), List.of())).build();
    fields.procName = "bash";
    engine.process(fields.event(2, 1));
    assertThat(alerts).extracting(Alert::rule).containsExactly("Shell opens file", "Any open");
  }

  @Test
  void onlyCandidateRulesOfTheEventTypeRun() throws Exception {
    Engine engine = builder().build();
    fields.procName = "bash";
    engine.process(fields.event(10, 1)); // execve
    engine.process(fields.event(30, 1)); // a type no rule names
    assertThat(alerts).extracting(Alert::rule).containsExactly("Exec");
    assertThat(engine.rule("Shell opens file").stats().evaluations()).isZero();
    assertThat(engine.rule("Exec").stats().evaluations()).isEqualTo(1);
    assertThat(engine.rule("Exec").stats().matches()).isEqualTo(1);
    assertThat(engine.eventsProcessed()).isEqualTo(2);
  }

  @Test
  void missingValuesPrintNa() throws Exception {
    Engine engine = builder().build();
    fields.procName = "sh";
    engine.process(fields.event(2, 1));
    assertThat(alerts.get(0).output()).isEqualTo("sh opened <NA> (fd=<NA>)");
    assertThat(alerts.get(0).outputFields().get("fd.num")).isNull();
  }

  @Test
  void priorityThresholdAndSelectionsFromConfiguration() throws Exception {
    FalcoConfig config = ConfigLoader.create().load(null, List.of(
        "priority=notice",
        "rules=[{disable: {tag: process}}, {enable: {rule: 'Exec*'}}, {disable: {rule: '*opens*'}}]"));
    Engine engine = builder().config(config).build();
    assertThat(engine.activeRules()).extracting(EngineRule::name).containsExactly("Exec");
    fields.procName = "bash";
    engine.process(fields.event(2, 1));
    assertThat(alerts).isEmpty();
    engine.select(RuleSelection.enableRule("Shell opens file"));
    engine.process(fields.event(2, 1));
    assertThat(alerts).extracting(Alert::rule).containsExactly("Shell opens file");
    engine.select(RuleSelection.disableTag("filesystem"));
    assertThat(engine.activeRules()).extracting(EngineRule::name).containsExactly("Exec");
  }

  @Test
  void ruleEventTypesAreTheUnionOfTheActiveRulesAndFollowSelection() throws Exception {
    Engine engine = builder().build();
    assertThat(engine.ruleEventTypes().stream().toArray()).containsExactly(2, 3, 10, 11);
    engine.select(RuleSelection.disableTag("process"));
    assertThat(engine.ruleEventTypes().stream().toArray()).containsExactly(2, 3);
    Engine any = builder().rulesString("any.yaml", """
        - rule: Every event
          desc: no event type restriction
          condition: proc.name = bash
          output: "%proc.name"
          priority: DEBUG
        """).build();
    assertThat(any.ruleEventTypes().cardinality()).isEqualTo(fields.eventTypeCount());
  }

  @Test
  void disabledInTheFileMeansNotRun() throws Exception {
    Engine engine = builder().rulesString("more.yaml",
        "- rule: Exec\n  enabled: false\n  override:\n    enabled: replace\n").build();
    assertThat(engine.activeRules()).extracting(EngineRule::name).doesNotContain("Exec");
  }

  @Test
  void appendOutputAddsTextAndJsonFields() throws Exception {
    FalcoConfig config = ConfigLoader.create().load(null, List.of(
        "append_output=[{match: {tags: [shell]}, extra_output: 'on fd %fd.num', extra_fields: [fd.name, {who: '%proc.name!'}]}]"));
    Engine engine = builder().config(config).build();
    fields.procName = "bash";
    fields.fdName = "/x";
    fields.fdNum = 7L;
    engine.process(fields.event(2, 1));
    Alert a = alerts.get(0);
    assertThat(a.output()).isEqualTo("bash opened /x (fd=7) on fd 7");
    assertThat(a.outputFields()).containsEntry("fd.name", "/x").containsEntry("who", "bash!");
    assertThat(engine.rule("Any open").outputTemplate()).isEqualTo("open by %proc.name");
  }

  @Test
  void unknownFieldInConditionOrOutputIsAPositionedError() {
    assertThatThrownBy(() -> Engine.builder().fields(fields).rulesString("r.yaml", """
        - rule: Bad condition
          desc: d
          condition: evt.type = open and proc.nmae = bash
          output: o
          priority: INFO
        - rule: Bad output
          desc: d
          condition: evt.type = open
          output: "file %fd.nmae here"
          priority: INFO
        """).build())
        .isInstanceOfSatisfying(RulesLoadException.class, e -> {
          List<RulesProblem> errors = e.errors();
          assertThat(errors).extracting(p -> p.code() + " " + p.itemName() + " " + p.span().line()
              + ":" + p.span().column()).containsExactly(
                  "COMPILE_CONDITION Bad condition 3:34",
                  "COMPILE_OUTPUT Bad output 9:17");
          assertThat(e.getMessage()).contains("r.yaml:3:34: error: rule 'Bad condition': ")
              .contains("unknown field 'proc.nmae'");
        });
  }

  @Test
  void skipIfUnknownFilterSkipsTheRuleWithAWarning() throws Exception {
    Engine engine = builder().rulesString("extra.yaml", """
        - rule: Future
          desc: d
          condition: evt.type = open and proc.future = 1
          output: o
          priority: INFO
          skip-if-unknown-filter: true
        """).build();
    assertThat(engine.rule("Future")).isNull();
    assertThat(engine.warnings()).extracting(RulesProblem::code).contains(ProblemCode.UNKNOWN_FILTER);
  }

  @Test
  void compileConditionUsesLoadedMacrosAndLists() throws Exception {
    Engine engine = builder().build();
    var c = engine.compileCondition("opened and proc.name in (shells)");
    fields.procName = "sh";
    assertThat(c.test(fields.event(2, 1))).isTrue();
    fields.procName = "zsh";
    assertThat(c.test(fields.event(2, 1))).isFalse();
    assertThatThrownBy(() -> engine.compileCondition("nosuchmacro"))
        .hasMessageContaining("undefined macro 'nosuchmacro'");
  }

  @Test
  void outputWidthsPadAndTruncate() throws Exception {
    OutputFormat f = OutputFormat.compile("[%5proc.name][%2fd.name] %fd.name.", fields);
    fields.procName = "ab";
    fields.fdName = "/etc";
    assertThat(f.format(fields.event(2, 1))).isEqualTo("[ab   ][/e] /etc.");
    OutputFormat t = OutputFormat.compile("%toupper(proc.name) %basename(fd.name) %len(fd.name)", fields);
    assertThat(t.format(fields.event(2, 1))).isEqualTo("AB etc 4");
    assertThat(t.values(fields.event(2, 1))).containsEntry("len(fd.name)", 4L);
    assertThatThrownBy(() -> OutputFormat.compile("x %", fields)).hasMessageContaining("cannot end with a %");
    assertThatThrownBy(() -> OutputFormat.compile("x %nope.field y", fields))
        .isInstanceOfSatisfying(OutputFormat.FormatException.class, e -> assertThat(e.offset()).isEqualTo(2));
  }
}
