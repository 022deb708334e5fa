package dev.falco4j.examples.embed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.output.Alert;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbedExampleTest {

  @Test
  void theEmbeddingExampleRunsOnASharedTrace() throws Exception {
    Path trace = Path.of(System.getProperty("falco4j.shared.dir"), "traces", "cat_write.scap");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EmbedExample.Summary s;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      s = EmbedExample.run(trace, out);
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(s.events()).isPositive();
    assertThat(s.alerts()).extracting(Alert::rule).contains("Tool started", "File below etc opened");
    assertThat(s.alerts()).allMatch(a -> a.hostname().equals("embedded"));
    assertThat(s.conditionMatches()).isPositive();
    assertThat(text).contains("rule loaded: Tool started").contains("alert: Notice Tool started: cat started")
        .contains("stats: RuleStats[rule=Tool started");
  }
}
