package dev.falco4j.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.testing.SharedFiles;
import dev.falco4j.dsl.ast.AstPrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RulesResolverTest {

  private static RulesResolver.Result resolve(String... texts) {
    List<RulesInput> inputs = new java.util.ArrayList<>();
    for (int i = 0; i < texts.length; i++) {
      inputs.add(RulesInput.string("f" + (i + 1) + ".yaml", texts[i]));
    }
    LoadedRules loaded = RulesLoader.create().load(inputs);
    assertThat(loaded.errors()).isEmpty();
    return new RulesResolver().resolve(loaded);
  }

  private static String rule(String name, String condition) {
    return "- rule: " + name + "\n  desc: d\n  condition: " + condition
        + "\n  output: o\n  priority: INFO\n";
  }

  private static String printed(RulesResolver.Result r, String rule) {
    return AstPrinter.print(r.rules().stream().filter(x -> x.name().equals(rule)).findFirst()
        .orElseThrow().expr());
  }

  @Test
  void macrosAndListsAreExpanded() {
    RulesResolver.Result r = resolve("""
        - list: shells
          items: [bash, "my sh"]
        - list: all_shells
          items: [shells, zsh]
        - macro: spawned
          condition: evt.type = execve
        - macro: shell_spawned
          condition: spawned and proc.name in (all_shells)
        """ + rule("R", "shell_spawned and not proc.pname in (shells, sshd)"));
    assertThat(r.problems()).isEmpty();
    String p = printed(r, "R");
    assertThat(p).contains("evt.type = execve").contains("bash").contains("zsh").contains("sshd")
        .doesNotContain("shells").doesNotContain("spawned");
  }

  @Test
  void undefinedMacroIsReportedAtItsPositionInTheFile() {
    RulesResolver.Result r = resolve("- macro: a\n  condition: evt.type = open\n"
        + rule("R", "a and spawned_proces"));
    RulesProblem p = r.problems().stream().filter(RulesProblem::isError).findFirst().orElseThrow();
    assertThat(p.code()).isEqualTo(ProblemCode.COMPILE_CONDITION);
    assertThat(p.itemKind()).isEqualTo(ItemKind.RULE);
    assertThat(p.itemName()).isEqualTo("R");
    assertThat(p.message()).isEqualTo("undefined macro 'spawned_proces'");
    assertThat(p.span().line()).isEqualTo(5);
    assertThat(p.span().column()).isEqualTo(20);
    assertThat(p.render()).endsWith("  condition: a and spawned_proces\n                   ^");
    assertThat(r.rules()).isEmpty();
  }

  @Test
  void macroMayOnlyUseEarlierMacros() {
    RulesResolver.Result r = resolve("""
        - macro: first
          condition: second
        - macro: second
          condition: evt.type = open
        """ + rule("R", "first"));
    assertThat(r.problems()).filteredOn(RulesProblem::isError).first()
        .satisfies(p -> {
          assertThat(p.itemName()).isEqualTo("first");
          assertThat(p.message()).startsWith("undefined macro 'second'")
              .contains("a macro can only use macros defined before it");
          assertThat(p.span().line()).isEqualTo(2);
        });
  }

  @Test
  void referenceLoopsAreDetected() {
    // 'a' is defined first, then appended to after 'b' exists, so it can see 'b', which sees 'a'.
    RulesResolver.Result r = resolve("""
        - macro: a
          condition: evt.type = open
        - macro: b
          condition: a
        - macro: a
          condition: or b
          override:
            condition: append
        """ + rule("R", "b"));
    assertThat(r.problems()).filteredOn(RulesProblem::isError).extracting(RulesProblem::message)
        .anySatisfy(m -> assertThat(m).contains("references itself").contains("b -> a -> b"));
  }

  @Test
  void unusedListsAndMacrosAreWarned() {
    RulesResolver.Result r = resolve("""
        - list: unused_list
          items: [a]
        - list: used_by_list
          items: [b]
        - list: used_list
          items: [used_by_list]
        - macro: unused_macro
          condition: evt.type = open
        """ + rule("R", "proc.name in (used_list)"));
    assertThat(r.problems()).extracting(p -> p.code() + " " + p.itemName()).containsExactly(
        "UNUSED_MACRO unused_macro", "UNUSED_LIST unused_list");
    assertThat(r.problems()).allMatch(p -> !p.isError());
  }

  @Test
  void syntaxErrorInAppendedConditionPointsIntoTheLaterFile() {
    RulesResolver.Result r = resolve(rule("R", "proc.name = bash"),
        "- rule: R\n  condition: and and\n  override:\n    condition: append\n");
    RulesProblem p = r.problems().stream().filter(RulesProblem::isError).findFirst().orElseThrow();
    assertThat(p.span().file()).isEqualTo("f2.yaml");
    assertThat(p.span().line()).isEqualTo(2);
    assertThat(p.span().column()).isEqualTo(18);
  }

  @Test
  void exceptionsAreFoldedExactlyAsFalcoDoes() {
    RulesResolver.Result r = resolve(rule("R", "evt.type = open") + """
          exceptions:
            - name: pairs
              fields: [proc.name, fd.name]
              comps: [=, startswith]
              values:
                - [nginx, /etc/nginx]
                - [my app, /b c]
            - name: single
              fields: proc.pname
              values: [sshd, "cron d"]
            - name: listref
              fields: [proc.name, fd.directory]
              comps: [=, in]
              values:
                - [cat, known_dirs]
                - [dog, [/x, /y z]]
            - name: empty
              fields: [proc.name]
        - list: known_dirs
          items: [/tmp, /var/tmp]
        """);
    assertThat(r.problems()).isEmpty();
    assertThat(r.rules().get(0).condition().text()).isEqualTo(
        "(evt.type = open)"
            + " and not (( proc.name = nginx and  fd.name startswith /etc/nginx)"
            + " or ( proc.name = \"my app\" and  fd.name startswith \"/b c\"))"
            + " and not (proc.pname in (sshd, \"cron d\"))"
            + " and not (( proc.name = cat and  fd.directory in (known_dirs))"
            + " or ( proc.name = dog and  fd.directory in (/x, \"/y z\")))");
    assertThat(printed(r, "R")).contains("/var/tmp");
  }

  @Test
  void exceptionValueRowOfWrongLengthIsAnErrorAtTheRow() {
    RulesResolver.Result r = resolve(rule("R", "evt.type = open") + """
          exceptions:
            - name: pairs
              fields: [proc.name, fd.name]
              values:
                - [nginx]
        """);
    RulesProblem p = r.problems().get(0);
    assertThat(p.message()).isEqualTo("exception 'pairs': fields and values lists must have equal length");
    assertThat(p.span().line()).isEqualTo(10);
    assertThat(p.itemName()).isEqualTo("R");
  }

  @Test
  void upstreamRulesResolveWithoutErrors() {
    LoadedRules loaded = RulesLoader.create().load(List.of(
        RulesInput.path(SharedFiles.upstreamRules())));
    assertThat(loaded.errors()).isEmpty();
    RulesResolver.Result r = new RulesResolver().resolve(loaded);
    assertThat(r.problems()).filteredOn(RulesProblem::isError).isEmpty();
    assertThat(r.rules()).hasSize(loaded.rules().size()).hasSizeGreaterThanOrEqualTo(25);
  }
}
