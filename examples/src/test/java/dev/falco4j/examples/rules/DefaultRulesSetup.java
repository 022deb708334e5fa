package dev.falco4j.examples.rules;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How the rule tests run falco: the built-in default rules, then a test rules file appended after
 * them the way a user's local rules file is (loopback counts as outbound, plus a barrier rule the
 * tests use to know that everything before it was processed), JSON alerts, and the tree columns
 * ({@code proc.ppid}, {@code proc.apid[2]}) that tie an alert to the test's own processes.
 */
final class DefaultRulesSetup {
  /** Name of the test-only barrier rule. */
  static final String BARRIER_RULE = "F4J Test Barrier";

  static final String TEST_RULES = """
      # Appended after the default rules, as a user's falco4j_rules.local.yaml would be.
      - macro: f4j_outbound_includes_loopback
        condition: (evt.num >= 0)
        override:
          condition: replace

      - rule: F4J Test Barrier
        desc: test-only; a `true f4j-barrier-N` run tells the test that all earlier events were processed
        condition: evt.type = execve and evt.dir = < and evt.rawres = 0 and proc.name = true and proc.args startswith f4j-barrier-
        output: "barrier (args=%proc.args)"
        priority: WARNING
      """;

  /** Appended to every rule's output so that alerts can be tied to a process tree. */
  static final String TREE_COLUMNS = "tree=%proc.pid,%proc.ppid,%proc.apid[2]";

  private DefaultRulesSetup() {}

  /** Writes the default rules (from the class path, as the CLI loads them) and the test rules. */
  static List<Path> writeRules(Path dir) throws IOException {
    Path defaults = dir.resolve("falco4j_rules.yaml");
    try (InputStream in = DefaultRulesSetup.class.getResourceAsStream("/rules/falco4j_rules.yaml")) {
      if (in == null) {
        throw new IOException("/rules/falco4j_rules.yaml is not on the test class path");
      }
      Files.write(defaults, in.readAllBytes());
    }
    Path local = dir.resolve("falco4j_rules.test.yaml");
    Files.writeString(local, TEST_RULES, StandardCharsets.UTF_8);
    return List.of(defaults, local);
  }

  /** The falco arguments shared by live and replay runs (rules, JSON, tree columns). */
  static List<String> commonArgs(List<Path> rules) {
    List<String> args = new ArrayList<>();
    for (Path r : rules) {
      args.add("-r");
      args.add(r.toString());
    }
    args.add("-o");
    args.add("json_output=true");
    args.add("-p");
    args.add(TREE_COLUMNS);
    return args;
  }
}
