package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Falco-compatible flags of the {@code falco} command, end to end (no live capture). */
class FalcoCliTest {
  private StringWriter out;
  private StringWriter err;

  @TempDir Path dir;

  private static Path shared() {
    String p = System.getProperty("falco4j.shared.dir");
    assertThat(p).as("system property falco4j.shared.dir (set by the parent POM)").isNotNull();
    return Path.of(p);
  }

  private static Path upstream() {
    return shared().resolve("rules-upstream/falco_rules.yaml");
  }

  private static Path trace(String name) {
    return shared().resolve("traces").resolve(name);
  }

  @BeforeEach
  void reset() {
    out = new StringWriter();
    err = new StringWriter();
  }

  private int run(String... args) {
    return FalcoCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content);
    return p;
  }

  private static final String RULE = """
      - rule: Cat runs
        desc: cat ran
        condition: evt.type = execve and evt.dir = < and proc.name = cat
        output: "cat ran (pid=%proc.pid user=%user.name)"
        priority: WARNING
        tags: [process]
      """;

  @Test
  void validateUpstreamRulesReportsNoErrors() {
    assertThat(run("-V", upstream().toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Validating rules file(s):").contains(": Ok");
    assertThat(out.toString()).doesNotContain("error:");
  }

  @Test
  void listUpstreamRules() {
    assertThat(run("-r", upstream().toString(), "-L")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Read sensitive file untrusted")
        .contains("Terminal shell in container");
    reset();
    assertThat(run("-r", upstream().toString(), "-L", "--format", "json")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("\"required_engine_version\" : \"0.57.0\"");
  }

  @Test
  void describeOneRule() {
    assertThat(run("-r", upstream().toString(), "-l", "Read sensitive file untrusted"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Rule: Read sensitive file untrusted")
        .contains("Priority: Warning").contains("Condition: open_read and sensitive_files");
    reset();
    assertThat(run("-r", upstream().toString(), "-l", "No such rule")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("no rule named 'No such rule'");
  }

  @Test
  void malformedRulesEveryCategoryNamesFileLineAndItemAndFails() throws IOException {
    String[][] cases = {
        {"yaml.yaml", "- rule: x\n  desc: [unclosed\n", ":2:", "invalid YAML"},
        {"notlist.yaml", "rule: x\n", ":1:", "not a YAML list"},
        {"notmap.yaml", "- just text\n", ":1:", "should be a YAML mapping"},
        {"missing.yaml", "- rule: R\n  desc: d\n  condition: evt.type = open\n  priority: INFO\n",
            ":1:", "rule 'R': item has no mapping for key 'output'"},
        {"type.yaml", RULE.replace("tags: [process]", "tags: process"), ":6:",
            "rule 'Cat runs': value of 'tags' is not a sequence"},
        {"engine.yaml", "- required_engine_version: 9.0.0\n", ":1:",
            "required_engine_version: rules require engine version 9.0.0"},
        {"cond.yaml", RULE.replace("proc.name = cat", "proc.name = = cat"), ":3:",
            "rule 'Cat runs':"},
        {"macro.yaml", RULE.replace("proc.name = cat", "no_such_macro"), ":3:",
            "rule 'Cat runs': undefined macro 'no_such_macro'"},
        {"field.yaml", RULE.replace("proc.name = cat", "proc.nmae = cat"), ":3:",
            "rule 'Cat runs': unknown field 'proc.nmae'"},
        {"output.yaml", RULE.replace("%user.name", "%user.nmae"), ":4:",
            "rule 'Cat runs': invalid formatting token %user.nmae"},
    };
    for (String[] c : cases) {
      reset();
      Path f = write(c[0], c[1]);
      assertThat(run("-V", f.toString())).as(c[0] + ": " + out).isEqualTo(ExitCodes.FAILURE);
      assertThat(out.toString()).as(c[0]).contains(f + c[2]).contains(c[3]).contains("error:");
    }
  }

  @Test
  void unknownKeyIsOnlyAWarning() throws IOException {
    Path f = write("warn.yaml", RULE + "  colour: red\n");
    assertThat(run("-V", f.toString())).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains(f + ":7:3: warning: rule 'Cat runs': unknown key 'colour'");
  }

  @Test
  void validateAsJson() throws IOException {
    Path f = write("bad.yaml", RULE.replace("priority: WARNING", "priority: LOUD"));
    assertThat(run("-V", f.toString(), "--format", "json")).isEqualTo(ExitCodes.FAILURE);
    assertThat(out.toString()).contains("\"successful\" : false").contains("\"line\" : 5")
        .contains("\"item_name\" : \"Cat runs\"");
  }

  @Test
  void brokenRulesStopARun() throws IOException {
    Path f = write("bad.yaml", RULE.replace("proc.name = cat", "proc.name ="));
    assertThat(run("-r", f.toString(), "-e", trace("cat_write.scap").toString()))
        .isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains(f + ":3:").contains("nothing was started")
        .doesNotContain("Exception");
  }

  @Test
  void replayWritesAlertsToTheConfiguredFileAndPrintsTheSummary() throws IOException {
    Path rules = write("r.yaml", RULE);
    Path alerts = dir.resolve("alerts.json");
    assertThat(run("-r", rules.toString(), "-e", trace("cat_write.scap").toString(),
        "-o", "stdout_output.enabled=false", "-o", "file_output.enabled=true",
        "-o", "file_output.filename=" + alerts, "-o", "json_output=true")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Events detected: 1").contains("WARNING: 1")
        .contains("Cat runs: 1");
    String json = Files.readString(alerts);
    assertThat(json).contains("\"rule\":\"Cat runs\"").contains("\"priority\":\"Warning\"")
        .contains("\"proc.pid\":").contains("\"tags\":[\"process\"]");
  }

  @Test
  void replayThroughEngineKindOption() throws IOException {
    Path rules = write("r.yaml", RULE);
    assertThat(run("-r", rules.toString(), "-o", "engine.kind=replay",
        "-o", "replay.capture_file=" + trace("cat_write.scap"), "-o", "stdout_output.enabled=false"))
        .isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Events detected: 1");
  }

  @Test
  void legacySelectionFlagsAndPriority() throws IOException {
    Path rules = write("r.yaml", RULE);
    String t = trace("cat_write.scap").toString();
    String[] quiet = {"-o", "stdout_output.enabled=false"};
    assertThat(run("-r", rules.toString(), "-e", t, "-D", "Cat", quiet[0], quiet[1])).isZero();
    assertThat(out.toString()).contains("Events detected: 0");
    reset();
    assertThat(run("-r", rules.toString(), "-e", t, "-T", "process", quiet[0], quiet[1])).isZero();
    assertThat(out.toString()).contains("Events detected: 0");
    reset();
    assertThat(run("-r", rules.toString(), "-e", t, "-t", "process", quiet[0], quiet[1])).isZero();
    assertThat(out.toString()).contains("Events detected: 1");
    reset();
    assertThat(run("-r", rules.toString(), "-e", t, "-o", "priority=error", quiet[0], quiet[1])).isZero();
    assertThat(out.toString()).contains("Events detected: 0");
  }

  @Test
  void everySharedTraceReplaysWithUpstreamRules() throws IOException {
    try (var traces = Files.list(shared().resolve("traces"))) {
      for (Path t : traces.filter(p -> p.toString().endsWith(".scap")).sorted().toList()) {
        reset();
        assertThat(run("-r", upstream().toString(), "-e", t.toString())).as(t + ": " + err)
            .isEqualTo(ExitCodes.OK);
        assertThat(err.toString()).contains("events processed");
      }
    }
  }

  @Test
  void listingModes() {
    assertThat(run("--list-events")).isZero();
    assertThat(out.toString()).contains("> open(").contains("< execve(");
    reset();
    assertThat(run("--list")).isZero();
    assertThat(out.toString()).contains("proc.name").contains("fd.name");
    reset();
    assertThat(run("--list=syscall", "--markdown")).isZero();
    assertThat(out.toString()).contains("| ").contains("`proc.name`");
  }

  @Test
  void usageAndConfigurationErrors() {
    assertThat(run("-L", "--format", "yaml")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("invalid --format 'yaml'");
    reset();
    assertThat(run("-L", "-o", "noequals")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("expected key=value");
    reset();
    assertThat(run("-c", dir.resolve("none.yaml").toString(), "-L")).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("configuration file not found");
    reset();
    assertThat(run("-e", dir.resolve("none.scap").toString())).isEqualTo(ExitCodes.FAILURE);
    assertThat(err.toString()).contains("cannot open trace").doesNotContain("Exception");
  }

  @Test
  void dryRunLoadsAndExits() {
    assertThat(run("-r", upstream().toString(), "--dry-run")).isZero();
    assertThat(err.toString()).contains("dry run");
  }
}
