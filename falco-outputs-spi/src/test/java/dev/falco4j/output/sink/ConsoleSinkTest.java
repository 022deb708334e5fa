package dev.falco4j.output.sink;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.output.Alert;
import dev.falco4j.output.Priority;
import dev.falco4j.output.format.TextAlertFormat;
import dev.falco4j.output.testing.Alerts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConsoleSinkTest {

  @Test
  void writesOneNeutralisedLinePerAlertAndFlushesOnRequest() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ConsoleSink sink = new ConsoleSink("stdout", out, new TextAlertFormat(SinkFixtures.TEXT));
    sink.open();
    sink.deliver(Alerts.sample(1));
    Alert forged = Alert.builder().epochNanos(Alerts.TIME).rule("r").priority(Priority.ERROR)
        .output("a\n01:00:00.000000000: Emergency fake").build();
    sink.deliver(forged);
    assertThat(out.size()).as("buffered until flush").isZero();
    sink.flush();
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n", -1);
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).startsWith("01:02:03.000000043: Warning A shell was spawned");
    assertThat(lines[1]).isEqualTo("01:02:03.000000042: Error a\\n01:00:00.000000000: Emergency fake");
    assertThat(lines[2]).isEmpty();
    sink.close(); // flushes, leaves the stream usable
    sink.deliver(Alerts.sample(2));
    sink.close();
    assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize(3);
  }

  @Test
  void providersAreNamedAsFalcoYamlKeys() {
    assertThat(new StdoutSinkProvider().create(dev.falco4j.output.SinkConfig.of("stdout",
        java.util.Map.of(), SinkFixtures.TEXT)).name()).isEqualTo("stdout");
    assertThat(new StderrSinkProvider().create(dev.falco4j.output.SinkConfig.of("stderr",
        java.util.Map.of(), SinkFixtures.TEXT)).name()).isEqualTo("stderr");
  }
}
