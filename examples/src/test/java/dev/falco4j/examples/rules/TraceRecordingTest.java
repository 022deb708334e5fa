package dev.falco4j.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.testing.SharedFiles;
import dev.falco4j.examples.cli.FalcoCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code falco -w FILE}, the recorder the default-rules traces are made with, checked without root:
 * recording a replay gives a trace that replays to the same events and alerts, plain or gzip (also
 * when today's events are rewritten in sysdig 0.29.3's layouts), and a trace that cannot be created
 * is a clear error.
 */
class TraceRecordingTest {
  @TempDir Path dir;

  private String out;
  private String err;

  private int falco(String... args) {
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    int rc = FalcoCommand.execute(new PrintWriter(o, true), new PrintWriter(e, true), args);
    out = o.toString();
    err = e.toString();
    return rc;
  }

  private Path sharedTrace(String name) {
    return SharedFiles.resolve("traces/" + name);
  }

  @Test
  void recordedReplayReplaysToTheSameEventsAndAlerts() throws IOException {
    Path source = sharedTrace("curl_google.scap");
    for (String name : List.of("copy.scap", "copy.scap.gz")) {
      Path copy = dir.resolve(name);
      assertThat(falco("-e", source.toString(), "-w", copy.toString(), "-r", rulesFile().toString()))
          .as(err).isZero();
      String firstOut = out;
      String firstEvents = eventsLine(err);
      assertThat(err).contains("written to " + copy);
      assertThat(Files.size(copy)).isPositive();

      assertThat(falco("-e", copy.toString(), "-r", rulesFile().toString())).as(err).isZero();
      assertThat(eventsLine(err)).isEqualTo(firstEvents);
      assertThat(out).isEqualTo(firstOut).containsPattern("   Connect seen: [1-9]");
    }
    // gzip: the file starts with the gzip magic
    byte[] head = Files.readAllBytes(dir.resolve("copy.scap.gz"));
    assertThat(head[0] & 0xFF).isEqualTo(0x1F);
    assertThat(head[1] & 0xFF).isEqualTo(0x8B);
  }

  /**
   * The default-rules traces hold today's exit-only events (the probe's layout): recorded again
   * with {@code -w}, they are written in sysdig 0.29.3's layouts (enter events added, newer
   * versions as older ones, prctl as a generic syscall) and must replay to the same alerts.
   */
  @ParameterizedTest
  @EnumSource(RuleCase.class)
  void reRecordedDefaultRuleTracesRaiseTheSameAlerts(RuleCase c) throws IOException {
    Path stored = Path.of("src", "test", "resources", "traces", "default-rules",
        c.traceName());
    Path copy = dir.resolve("rerecorded.scap.gz");
    assertThat(falco("-e", stored.toString(), "-w", copy.toString(),
        "-o", "stdout_output.enabled=false")).as(err).isZero();
    assertThat(err).contains("falco: trace for sysdig 0.29.3: ");
    List<AlertRecord> before = FalcoReplay.replay(stored, dir);
    List<AlertRecord> after = FalcoReplay.replay(copy, dir);
    assertThat(after).as("alerts of the re-recorded %s", c).isEqualTo(before);
  }

  @Test
  void aTraceThatCannotBeCreatedIsAClearError() {
    Path missing = dir.resolve("no-such-dir").resolve("t.scap");
    int rc = falco("-e", sharedTrace("cat_write.scap").toString(), "-w", missing.toString());
    assertThat(rc).isEqualTo(1);
    assertThat(err).contains("cannot create the trace " + missing).doesNotContain("at dev.falco4j");
  }

  private Path rulesFile() throws IOException {
    Path p = dir.resolve("connect.yaml");
    Files.writeString(p, """
        - rule: Connect seen
          desc: any successful connect
          condition: evt.type = connect and evt.dir = <
          output: "Connect seen: %proc.name %fd.name"
          priority: WARNING
        """);
    return p;
  }

  /** "falco: N events processed" from the run's stderr. */
  private static String eventsLine(String stderr) {
    for (String l : stderr.split("\n")) {
      if (l.contains("events processed")) {
        return l.substring(0, l.indexOf(" events processed"));
      }
    }
    return "<no summary in: " + stderr + ">";
  }
}
