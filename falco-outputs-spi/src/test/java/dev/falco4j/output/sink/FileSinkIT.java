package dev.falco4j.output.sink;

import static dev.falco4j.output.sink.SinkFixtures.TEXT;
import static dev.falco4j.output.sink.SinkFixtures.create;
import static dev.falco4j.output.sink.SinkFixtures.lines;
import static dev.falco4j.output.sink.SinkFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.output.OutputSink;
import dev.falco4j.output.testing.Alerts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink against the real file system and a real {@code mv}, as logrotate does. */
class FileSinkIT {
  @TempDir Path dir;

  @Test
  void keepAliveFollowsRotationByMv() throws Exception {
    Path log = dir.resolve("events.txt");
    OutputSink sink = create(new FileSinkProvider(),
        Map.of("filename", log.toString(), "keep_alive", true), TEXT);
    sink.open();
    sink.deliver(Alerts.sample(1));
    sink.deliver(Alerts.sample(2));
    sink.flush();
    run("mv", log.toString(), dir.resolve("events.txt.1").toString());
    sink.deliver(Alerts.sample(3));
    sink.flush();
    sink.close();
    assertThat(lines(dir.resolve("events.txt.1"))).hasSize(2).allMatch(l -> !l.contains("n=3"));
    assertThat(lines(log)).singleElement().asString().contains("n=3").contains(": Warning ");
  }

  @Test
  void keepAliveFollowsDeletionAndExplicitReopen() throws Exception {
    Path log = dir.resolve("events.txt");
    OutputSink sink = create(new FileSinkProvider(),
        Map.of("filename", log.toString(), "keep_alive", "true"), TEXT);
    sink.open();
    sink.deliver(Alerts.sample(1));
    sink.flush();
    run("rm", log.toString());
    sink.deliver(Alerts.sample(2));
    sink.flush();
    assertThat(lines(log)).singleElement().asString().contains("n=2");
    sink.reopen();
    sink.deliver(Alerts.sample(3));
    sink.close();
    assertThat(lines(log)).hasSize(2);
  }

  @Test
  void withoutKeepAliveEveryAlertReopensTheFile() throws Exception {
    Path log = dir.resolve("events.txt");
    OutputSink sink = create(new FileSinkProvider(), Map.of("filename", log.toString()), TEXT);
    sink.open();
    sink.deliver(Alerts.sample(1));
    // Visible without flush or close: the file is closed after each alert.
    assertThat(lines(log)).hasSize(1);
    run("mv", log.toString(), dir.resolve("old").toString());
    sink.deliver(Alerts.sample(2));
    sink.close();
    assertThat(lines(log)).singleElement().asString().contains("n=2");
  }

  @Test
  void anUnwritablePathIsAClearFailure() {
    Path log = dir.resolve("missing-dir/events.txt");
    OutputSink keep = create(new FileSinkProvider(),
        Map.of("filename", log.toString(), "keep_alive", true), TEXT);
    assertThatThrownBy(keep::open).isInstanceOf(IOException.class)
        .hasMessageContaining("file_output").hasMessageContaining(log.toString());
    assertThat(keep.health().healthy()).isFalse();
    OutputSink once = create(new FileSinkProvider(), Map.of("filename", log.toString()), TEXT);
    assertThatThrownBy(() -> once.deliver(Alerts.sample(1))).isInstanceOf(IOException.class)
        .hasMessageContaining(log.toString());
    assertThat(once.health().detail()).contains(log.toString());
  }
}
