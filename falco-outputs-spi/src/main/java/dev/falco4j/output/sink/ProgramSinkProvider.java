package dev.falco4j.output.sink;

import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;
import dev.falco4j.output.format.AlertFormat;
import dev.falco4j.output.spi.OutputSinkProvider;
import java.time.Duration;

/**
 * The {@code program} sink: {@code program_output: {enabled: true, keep_alive: false, program: "mail
 * -s 'Falco Notification' someone@example.com"}}; Falco4J adds {@code timeout_ms} (default 10000),
 * how long a program may take to exit.
 */
public final class ProgramSinkProvider implements OutputSinkProvider {

  /** For ServiceLoader. */
  public ProgramSinkProvider() {}

  @Override
  public String name() {
    return "program";
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public OutputSink create(SinkConfig config) {
    return new ProgramSink(
        name(),
        config.section().requireString("program"),
        config.section().bool("keep_alive", false),
        config.section().millis("timeout_ms", Duration.ofSeconds(10)),
        AlertFormat.forSettings(config.settings()));
  }
}
