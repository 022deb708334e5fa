package dev.falco4j.output.sink;

import static dev.falco4j.output.sink.SinkFixtures.TEXT;
import static dev.falco4j.output.sink.SinkFixtures.create;
import static dev.falco4j.output.sink.SinkFixtures.lines;
import static dev.falco4j.output.sink.SinkFixtures.linesQuietly;
import static dev.falco4j.output.sink.SinkFixtures.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.Priority;
import dev.falco4j.output.testing.Alerts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The program sink running real programs through /bin/sh. */
class ProgramSinkIT {
  @TempDir Path dir;

  private ProgramSink sink(String program, boolean keepAlive) {
    return (ProgramSink) create(new ProgramSinkProvider(),
        Map.of("program", program, "keep_alive", keepAlive, "timeout_ms", 3000), TEXT);
  }

  @Test
  void keepAliveFeedsOneCat() throws Exception {
    Path out = dir.resolve("out.txt");
    ProgramSink sink = sink("cat >> " + out, true);
    sink.open();
    for (int i = 0; i < 3; i++) {
      sink.deliver(Alerts.sample(i));
    }
    sink.close(); // ends input, waits for cat
    assertThat(lines(out)).hasSize(3).allMatch(l -> l.contains(": Warning A shell was spawned"));
    assertThat(sink.starts()).isEqualTo(1);
  }

  @Test
  void withoutKeepAliveEachAlertRunsTheProgram() throws Exception {
    Path out = dir.resolve("out.txt");
    ProgramSink sink = sink("cat >> " + out, false);
    sink.open();
    for (int i = 0; i < 3; i++) {
      sink.deliver(Alerts.sample(i));
      assertThat(lines(out)).hasSize(i + 1); // the program has finished when deliver returns
    }
    sink.close();
    assertThat(sink.starts()).isEqualTo(3);
  }

  @Test
  void aProgramThatExitsEarlyIsRestarted() throws Exception {
    Path out = dir.resolve("out.txt");
    // Reads a single line and exits: each later alert needs a new process.
    ProgramSink sink = sink("head -n 1 >> " + out, true);
    sink.open();
    for (int i = 0; i < 3; i++) {
      sink.deliver(Alerts.sample(i));
      sink.flush();
      int expected = i + 1;
      waitFor("line " + expected, () -> linesQuietly(out).size() == expected);
      Thread.sleep(100); // let head exit after writing, so the next write finds it gone
    }
    sink.close();
    assertThat(lines(out)).hasSize(3);
    assertThat(sink.starts()).isEqualTo(3);
  }

  @Test
  void alertTextNeverReachesTheCommandLine() throws Exception {
    Path out = dir.resolve("out.txt");
    Path pwned = dir.resolve("pwned");
    String hostile = "x'; touch " + pwned + "; echo '$(touch " + pwned + ")`touch " + pwned + "`";
    Alert a = Alert.builder().epochNanos(Alerts.TIME).rule("r").priority(Priority.CRITICAL)
        .output(hostile + "\nsecond line").build();
    for (boolean keepAlive : new boolean[] {false, true}) {
      ProgramSink sink = sink("cat >> " + out, keepAlive);
      sink.open();
      sink.deliver(a);
      sink.close();
    }
    assertThat(Files.exists(pwned)).isFalse();
    assertThat(lines(out)).hasSize(2).allMatch(l -> l.endsWith(hostile + "\\nsecond line"));
  }

  @Test
  void aFailingOrHangingProgramIsAFailedDelivery() throws Exception {
    ProgramSink failing = sink("cat > /dev/null; exit 3", false);
    assertThatThrownBy(() -> failing.deliver(Alerts.sample(0))).isInstanceOf(IOException.class)
        .hasMessageContaining("exited with status 3");
    assertThat(failing.health().healthy()).isFalse();

    ProgramSink hanging = (ProgramSink) create(new ProgramSinkProvider(),
        Map.of("program", "sleep 30", "timeout_ms", 200), TEXT);
    long t0 = System.nanoTime();
    assertThatThrownBy(() -> hanging.deliver(Alerts.sample(0))).isInstanceOf(IOException.class)
        .hasMessageContaining("did not exit within 200 ms");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(5000);

    ProgramSink missing = sink("/nonexistent/program-x", false);
    assertThatThrownBy(() -> missing.deliver(Alerts.sample(0))).isInstanceOf(IOException.class)
        .hasMessageContaining("status 127");
  }
}
