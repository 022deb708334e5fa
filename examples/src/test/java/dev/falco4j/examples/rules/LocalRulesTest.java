package dev.falco4j.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.testing.SharedFiles;
import dev.falco4j.examples.cli.FalcoCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in rules are tuned the way Falco's are: a {@code falco4j_rules.local.yaml} and a
 * {@code rules.d/} in the configuration directory load after them (here the directory comes from
 * the {@code falco4j.config.dir} property instead of /etc/falco4j).
 */
class LocalRulesTest {
  @TempDir Path dir;

  private String out;
  private String err;

  @AfterEach
  void restore() {
    System.clearProperty("falco4j.config.dir");
  }

  private int falco(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int rc = FalcoCommand.execute(new PrintWriter(o, true), new PrintWriter(e, true), args);
    out = o.toString();
    err = e.toString();
    return rc;
  }

  @Test
  void localFileAndRulesDirectoryLoadAfterTheBuiltInRules() throws IOException {
    System.setProperty("falco4j.config.dir", dir.toString());
    Files.writeString(dir.resolve("falco4j_rules.local.yaml"), """
        - rule: Write Below Etc
          enabled: false
          override:
            enabled: replace
        - list: f4j_standard_utilities
          items: [my-tool]
          override:
            items: append
        """);
    Files.createDirectories(dir.resolve("rules.d"));
    Files.writeString(dir.resolve("rules.d/10-cat.yaml"), """
        - rule: Cat Started
          desc: a local rule
          condition: f4j_new_process and proc.name = cat
          output: "cat started (pid=%proc.pid)"
          priority: NOTICE
        """);
    assertThat(falco("-L")).as(err).isZero();
    assertThat(out).contains("Shell Started In Container", "Cat Started");

    // the local file disabled one built-in rule: replaying cat_write.scap raises only the local one
    assertThat(falco("-e", SharedFiles.resolve("traces/cat_write.scap").toString(),
        "-o", "stdout_output.enabled=false")).as(err).isZero();
    assertThat(out).contains("   Cat Started: 1");
    assertThat(falco("-l", "Write Below Etc")).isZero();
    assertThat(out).contains("Enabled: false");
    assertThat(err).doesNotContain("warning");
  }

  @Test
  void withoutLocalFilesOnlyTheBuiltInRulesLoad() {
    System.setProperty("falco4j.config.dir", dir.resolve("absent").toString());
    assertThat(falco("-L")).as(err).isZero();
    assertThat(out).contains("Shell Started In Container").doesNotContain("Cat Started");
  }
}
