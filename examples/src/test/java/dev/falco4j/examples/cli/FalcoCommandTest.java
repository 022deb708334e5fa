package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.probe.ProbeSupport;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class FalcoCommandTest {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return FalcoCommand.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void versionPrintsTheBuildVersion() {
    assertThat(run("--version")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("Falco4J version: ").doesNotContain("${project.version}")
        .doesNotContain("unknown");
  }

  @Test
  void helpDescribesTheCommand() {
    assertThat(run("--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("Usage: falco").contains("--version").contains("live");
  }

  @Test
  void unknownOptionIsAUsageError() {
    assertThat(run("--no-such-option")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
  }

  /**
   * With no arguments falco monitors this host live. Where the probe can run (root, BTF), that goes
   * on until stopped, so the test bounds it with -M; elsewhere it must say what is missing.
   */
  @Test
  @Timeout(60)
  void noArgumentsMonitorsLiveOrSaysWhatIsMissingAndHowToReplay() {
    if (ProbeSupport.check().supported()) {
      assertThat(run("-M", "1", "-o", "stdout_output.enabled=false")).isEqualTo(ExitCodes.OK);
      assertThat(err.toString()).contains("events processed").doesNotContain("Exception");
    } else {
      assertThat(run()).isEqualTo(ExitCodes.FAILURE);
      assertThat(err.toString()).contains("live capture is not available").contains("-e TRACE.scap")
          .doesNotContain("Exception");
    }
  }
}
