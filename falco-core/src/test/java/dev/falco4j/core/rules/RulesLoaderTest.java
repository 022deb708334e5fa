package dev.falco4j.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.output.Priority;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulesLoaderTest {

  private static LoadedRules load(String... texts) {
    List<RulesInput> inputs = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      inputs.add(RulesInput.string("f" + (i + 1) + ".yaml", texts[i]));
    }
    return RulesLoader.create().load(inputs);
  }

  private static RulesProblem only(LoadedRules r, ProblemCode code) {
    List<RulesProblem> matching = r.problems().stream().filter(p -> p.code() == code).toList();
    assertThat(matching).as("problems with code %s in %s", code, r.problems()).hasSize(1);
    return matching.get(0);
  }

  private static final String RULE =
      """
      - rule: Shell
        desc: a shell
        condition: proc.name = bash
        output: shell %proc.name
        priority: WARNING
      """;

  @Test
  void readsARuleWithAllKeys() {
    LoadedRules r = load("""
        - rule: Full
          desc: d
          condition: >
            evt.type = open
            and proc.name = cat
          output: "  opened %fd.name  "
          priority: info
          enabled: false
          tags: [b, a, b]
          source: syscall
          warn_evttypes: false
          skip-if-unknown-filter: true
          capture: true
          capture_duration: 500
        """);
    assertThat(r.problems()).isEmpty();
    RuleDefinition d = r.rules().get("Full");
    assertThat(d.condition().text()).isEqualTo("evt.type = open and proc.name = cat\n");
    assertThat(d.output().text()).isEqualTo("opened %fd.name");
    assertThat(d.priority()).isEqualTo(Priority.INFORMATIONAL);
    assertThat(d.enabled()).isFalse();
    assertThat(d.tags()).containsExactly("a", "b");
    assertThat(d.warnEvttypes()).isFalse();
    assertThat(d.skipIfUnknownFilter()).isTrue();
    assertThat(d.capture()).isTrue();
    assertThat(d.captureDuration()).isEqualTo(500);
    assertThat(d.span().line()).isEqualTo(1);
  }

  @Test
  void blockScalarConditionKeepsFilePositionsOfEveryCharacter() {
    LoadedRules r = load("""
        - macro: m
          condition: >
            evt.type = open
              and proc.name = cat
        """);
    PositionedText c = r.macros().get("m").condition();
    int at = c.text().indexOf("proc.name");
    assertThat(c.spanAt(at, 9).line()).isEqualTo(4);
    assertThat(c.spanAt(at, 9).column()).isEqualTo(11);
    assertThat(c.spanAt(0, 1).line()).isEqualTo(3);
    assertThat(c.spanAt(0, 1).column()).isEqualTo(5);
  }

  @Test
  void priorityIsCaseInsensitive() {
    for (String p : List.of("Emergency", "ALERT", "critical", "Error", "warning", "Notice",
        "informational", "Info", "debug")) {
      LoadedRules r = load(RULE.replace("WARNING", p));
      assertThat(r.problems()).as(p).isEmpty();
    }
  }

  // ------------------------------------------------------------------ malformed files

  @Test
  void invalidYamlNamesFileAndLine() {
    LoadedRules r = load("- rule: x\n  desc: [unclosed\n  output: y\n");
    RulesProblem p = only(r, ProblemCode.YAML_PARSE);
    assertThat(p.span().file()).isEqualTo("f1.yaml");
    assertThat(p.span().line()).isBetween(2, 4);
    assertThat(p.render()).startsWith("f1.yaml:").contains("error: invalid YAML");
  }

  @Test
  void documentThatIsNotAList() {
    RulesProblem p = only(load("rule: x\ndesc: y\n"), ProblemCode.YAML_VALIDATE);
    assertThat(p.message()).contains("not a YAML list");
    assertThat(p.span().line()).isEqualTo(1);
  }

  @Test
  void itemThatIsNotAMapping() {
    RulesProblem p = only(load(RULE + "- just a string\n"), ProblemCode.YAML_VALIDATE);
    assertThat(p.span().line()).isEqualTo(6);
    assertThat(p.message()).contains("should be a YAML mapping");
  }

  @Test
  void missingRequiredKeyNamesTheRule() {
    LoadedRules r = load("""
        - rule: No output
          desc: d
          condition: evt.type = open
          priority: INFO
        """);
    RulesProblem p = only(r, ProblemCode.YAML_VALIDATE);
    assertThat(p.itemKind()).isEqualTo(ItemKind.RULE);
    assertThat(p.itemName()).isEqualTo("No output");
    assertThat(p.message()).isEqualTo("item has no mapping for key 'output'");
    assertThat(p.headline()).isEqualTo(
        "f1.yaml:1:3: error: rule 'No output': item has no mapping for key 'output'");
    assertThat(r.rules()).isEmpty();
  }

  @Test
  void wrongTypesAreErrorsAtTheValue() {
    LoadedRules r = load(RULE.replace("  priority: WARNING\n", "  priority: WARNING\n  tags: oops\n"),
        RULE.replace("Shell", "Two").replace("priority: WARNING", "priority: loud"),
        RULE.replace("Shell", "Three") + "  enabled: maybe\n",
        "- list: l\n  items: {a: b}\n",
        "- macro: m\n  condition: [a, b]\n");
    assertThat(r.errors()).extracting(p -> p.span().file() + ":" + p.span().line() + " " + p.message())
        .containsExactly(
            "f1.yaml:6 value of 'tags' is not a sequence",
            "f2.yaml:5 invalid priority 'loud': expected one of emergency, alert, critical, error,"
                + " warning, notice, informational (or info), debug",
            "f3.yaml:6 value of 'enabled' must be a boolean (true or false), found 'maybe'",
            "f4.yaml:2 value of 'items' is not a sequence",
            "f5.yaml:2 value of 'condition' is not a scalar value (found a sequence)");
  }

  @Test
  void emptyValueIsAnError() {
    RulesProblem p = only(load(RULE.replace("output: shell %proc.name", "output:")),
        ProblemCode.YAML_VALIDATE);
    assertThat(p.message()).isEqualTo("mapping for key 'output' is empty");
    assertThat(p.span().line()).isEqualTo(4);
  }

  @Test
  void unknownKeyIsAWarning() {
    LoadedRules r = load(RULE + "  severity: high\n");
    RulesProblem p = only(r, ProblemCode.UNKNOWN_KEY);
    assertThat(p.isError()).isFalse();
    assertThat(p.span().line()).isEqualTo(6);
    assertThat(p.span().column()).isEqualTo(3);
    assertThat(p.render()).contains("warning: rule 'Shell': unknown key 'severity'");
    assertThat(r.rules()).containsKey("Shell");
  }

  @Test
  void unknownTopLevelItemIsAWarning() {
    RulesProblem p = only(load("- rulez: x\n"), ProblemCode.UNKNOWN_ITEM);
    assertThat(p.isError()).isFalse();
  }

  @Test
  void newerEngineVersionIsAnError() {
    LoadedRules r = load("- required_engine_version: 0.99.0\n", "- required_engine_version: 12\n",
        "- required_engine_version: banana\n");
    RulesProblem p = only(r, ProblemCode.ENGINE_VERSION);
    assertThat(p.message()).isEqualTo(
        "rules require engine version 0.99.0, but engine version is " + EngineVersion.CURRENT);
    assertThat(p.span().file()).isEqualTo("f1.yaml");
    assertThat(p.itemKind()).isEqualTo(ItemKind.REQUIRED_ENGINE_VERSION);
    assertThat(only(r, ProblemCode.YAML_VALIDATE).span().file()).isEqualTo("f3.yaml");
    assertThat(r.requiredEngineVersion()).isEqualTo(EngineVersion.of(0, 12, 0));
  }

  @Test
  void pluginVersionsAreRecordedAndChecked() {
    LoadedRules r = load("""
        - required_plugin_versions:
            - name: container
              version: 0.4.0
              alternatives:
                - name: k8s
                  version: 1.0.0
            - name: bad
              version: latest
        """);
    assertThat(r.requiredPluginVersions()).hasSize(1);
    assertThat(r.requiredPluginVersions().get(0)).extracting(PluginRequirement::name)
        .containsExactly("container", "k8s");
    assertThat(only(r, ProblemCode.VALIDATE).span().line()).isEqualTo(8);
  }

  @Test
  void errorsAreCollectedNotStoppedAtTheFirst() {
    LoadedRules r = load("""
        - rule: A
          desc: d
        - macro: 1bad
          condition: x
        - list: l
          items: [a]
        - rule: B
          condition: c
          desc: d
          output: o
          priority: nope
        """);
    assertThat(r.errors()).hasSize(3);
    assertThat(r.lists()).containsKey("l");
  }

  // ------------------------------------------------------------------ append and override

  @Test
  void legacyAppendAddsToConditionListsAndMacrosAndWarns() {
    LoadedRules r = load(
        "- list: l\n  items: [a]\n- macro: m\n  condition: x = 1\n" + RULE,
        """
        - list: l
          items: [b]
          append: true
        - macro: m
          condition: or x = 2
          append: true
        - rule: Shell
          condition: and proc.pname = sshd
          append: true
        """);
    assertThat(r.errors()).isEmpty();
    assertThat(r.problems()).extracting(RulesProblem::code).containsOnly(ProblemCode.DEPRECATED_ITEM);
    assertThat(r.lists().get("l").items()).containsExactly("a", "b");
    assertThat(r.macros().get("m").condition().text()).isEqualTo("x = 1 or x = 2");
    RuleDefinition d = r.rules().get("Shell");
    assertThat(d.condition().text()).isEqualTo("proc.name = bash and proc.pname = sshd");
    // the appended part keeps its own file position
    int at = d.condition().text().indexOf("proc.pname");
    assertThat(d.condition().spanAt(at, 1).file()).isEqualTo("f2.yaml");
    assertThat(d.condition().spanAt(at, 1).line()).isEqualTo(8);
  }

  @Test
  void overrideAppendsAndReplacesPerKey() {
    LoadedRules r = load(RULE.replace("priority: WARNING", "priority: WARNING\n  tags: [t1]"), """
        - rule: Shell
          condition: and user.name = root
          output: (by %user.name)
          desc: more
          tags: [t2]
          priority: ERROR
          enabled: false
          override:
            condition: append
            output: append
            desc: append
            tags: append
            priority: replace
            enabled: replace
        """);
    assertThat(r.problems()).isEmpty();
    RuleDefinition d = r.rules().get("Shell");
    assertThat(d.condition().text()).isEqualTo("proc.name = bash and user.name = root");
    assertThat(d.output().text()).isEqualTo("shell %proc.name (by %user.name)");
    assertThat(d.description()).isEqualTo("a shell more");
    assertThat(d.tags()).containsExactly("t1", "t2");
    assertThat(d.priority()).isEqualTo(Priority.ERROR);
    assertThat(d.enabled()).isFalse();

    LoadedRules replaced = load(RULE, """
        - rule: Shell
          condition: proc.name = zsh
          tags: [x]
          override:
            condition: replace
            tags: replace
        """);
    assertThat(replaced.rules().get("Shell").condition().text()).isEqualTo("proc.name = zsh");
    assertThat(replaced.rules().get("Shell").tags()).containsExactly("x");
  }

  @Test
  void overrideMisuseIsReported() {
    LoadedRules r = load(RULE,
        "- rule: Shell\n  priority: INFO\n  override:\n    priority: append\n",
        "- rule: Shell\n  condition: x\n  override:\n    output: replace\n",
        "- rule: Shell\n  condition: x\n  output: y\n  override:\n    condition: append\n",
        "- rule: Shell\n  condition: x\n  override:\n    condition: merge\n",
        "- rule: Shell\n  condition: x\n  append: true\n  override:\n    condition: append\n",
        "- rule: Nope\n  condition: x\n  override:\n    condition: append\n",
        "- list: l\n  items: [a]\n  override:\n    items: append\n");
    assertThat(r.errors()).extracting(p -> p.span().file() + " " + p.message()).containsExactly(
        "f2.yaml key 'priority' cannot be appended to, use 'replace' instead",
        "f3.yaml an replace override for 'output' was specified but 'output' is not defined",
        "f4.yaml unexpected key 'output': no corresponding entry under 'override' is defined",
        "f5.yaml invalid override operation for key 'condition': 'merge'. Allowed values are: append replace",
        "f6.yaml keys 'override' and 'append: true' cannot be used together",
        "f7.yaml rule has 'append' key or an append override but no rule by that name already exists",
        "f8.yaml list has 'append' key or an append override but no list by that name already exists");
  }

  @Test
  void laterDefinitionReplacesEarlierOneInPlace() {
    LoadedRules r = load(RULE + RULE.replace("Shell", "Other"),
        RULE.replace("proc.name = bash", "proc.name = sh"));
    assertThat(r.rules().keySet()).containsExactly("Shell", "Other");
    assertThat(r.rules().get("Shell").condition().text()).isEqualTo("proc.name = sh");
    assertThat(r.rules().get("Shell").span().file()).isEqualTo("f2.yaml");
  }

  @Test
  void enabledOnlyItemTogglesAnEarlierRule() {
    LoadedRules r = load(RULE, "- rule: Shell\n  enabled: false\n", "- rule: Missing\n  enabled: true\n");
    assertThat(r.rules().get("Shell").enabled()).isFalse();
    assertThat(only(r, ProblemCode.VALIDATE).span().file()).isEqualTo("f3.yaml");
  }

  @Test
  void unknownSourceIsSkippedWithAWarning() {
    LoadedRules r = load(RULE.replace("priority: WARNING", "priority: WARNING\n  source: k8s_audit"));
    assertThat(r.rules()).isEmpty();
    assertThat(only(r, ProblemCode.UNKNOWN_SOURCE).isError()).isFalse();
  }

  // ------------------------------------------------------------------ exceptions

  @Test
  void exceptionsAreReadWithDefaultsAndAppendedValues() {
    LoadedRules r = load(RULE + """
          exceptions:
            - name: by_proc
              fields: [proc.name, fd.name]
              values:
                - [nginx, /etc/nginx]
            - name: single
              fields: proc.pname
              values: [sshd]
        """, """
        - rule: Shell
          exceptions:
            - name: by_proc
              values:
                - [apache, /etc/apache]
          override:
            exceptions: append
        """);
    assertThat(r.problems()).isEmpty();
    RuleDefinition d = r.rules().get("Shell");
    RuleException ex = d.exceptions().get(0);
    assertThat(ex.comps().items()).extracting(ExceptionEntry::item).containsExactly("=", "=");
    assertThat(ex.values()).hasSize(2);
    assertThat(d.exceptions().get(1).comps().item()).isEqualTo("in");
  }

  @Test
  void malformedExceptionsAreReported() {
    LoadedRules r = load(
        RULE + "  exceptions:\n    - name: e\n      fields: [a, b]\n      comps: [=]\n",
        RULE + "  exceptions:\n    - name: e\n      fields: [a]\n      comps: [like]\n",
        RULE + "  exceptions:\n    - name: e\n      fields: a\n      comps: =\n",
        RULE + "  exceptions:\n    - name: e\n      fields: [a]\n    - name: e\n      fields: [b]\n",
        RULE + "  exceptions:\n    - fields: [a]\n",
        RULE + "  exceptions: nope\n");
    assertThat(r.errors()).extracting(p -> p.span().file() + " " + p.message()).containsExactly(
        "f1.yaml fields and comps lists must have equal length",
        "f2.yaml 'like' is not a supported comparison operator",
        "f3.yaml when fields is a single value, comps must be one of (in, pmatch, intersects)",
        "f4.yaml exception names in the same rule must be unique ('e' is repeated)",
        "f5.yaml item has no mapping for key 'name'",
        "f6.yaml rule exceptions must be a sequence");
  }

  // ------------------------------------------------------------------ files and directories

  @Test
  void directoriesLoadTheirFilesInNameOrder(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("b.yaml"), "- list: l\n  items: [b]\n  override:\n    items: append\n");
    Files.writeString(dir.resolve("a.yaml"), "- list: l\n  items: [a]\n");
    LoadedRules r = RulesLoader.create().load(List.of(RulesInput.path(dir)));
    assertThat(r.errors()).isEmpty();
    assertThat(r.lists().get("l").items()).containsExactly("a", "b");
    assertThat(r.files()).hasSize(2);
    assertThat(r.files().get(0)).endsWith("a.yaml");
  }

  @Test
  void missingFileIsAnErrorNamingIt(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    LoadedRules r = RulesLoader.create().load(List.of(RulesInput.path(missing)));
    RulesProblem p = only(r, ProblemCode.READ);
    assertThat(p.span().file()).isEqualTo(missing.toString());
    assertThat(p.message()).contains("no such file");
  }

  @Test
  void multipleDocumentsInOneFile() {
    LoadedRules r = load("- list: a\n  items: [x]\n---\n- list: b\n  items: [y]\n");
    assertThat(r.lists().keySet()).containsExactly("a", "b");
  }

  @Test
  void anchorsAndAliasesAreResolved() {
    LoadedRules r = load("- list: a\n  items: &items [x, y]\n- list: b\n  items: *items\n");
    assertThat(r.errors()).isEmpty();
    assertThat(r.lists().get("b").items()).containsExactly("x", "y");
    RulesProblem p = only(load("- list: b\n  items: *nope\n"), ProblemCode.YAML_PARSE);
    assertThat(p.message()).contains("nope");
  }

  @Test
  void renderShowsLineAndCaret() {
    RulesProblem p = only(load(RULE + "  severity: high\n"), ProblemCode.UNKNOWN_KEY);
    assertThat(p.render()).isEqualTo(
        "f1.yaml:6:3: warning: rule 'Shell': unknown key 'severity' (ignored)\n"
            + "  severity: high\n"
            + "  ^");
  }
}
