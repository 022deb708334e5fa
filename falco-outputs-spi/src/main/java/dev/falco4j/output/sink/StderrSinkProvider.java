package dev.falco4j.output.sink;

import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;
import dev.falco4j.output.format.AlertFormat;
import dev.falco4j.output.spi.OutputSinkProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/**
 * The {@code stderr} sink, {@code stderr_output: {enabled: true}} (a Falco4J addition: keeps alerts
 * apart from a program's standard output).
 */
public final class StderrSinkProvider implements OutputSinkProvider {

  /** For ServiceLoader. */
  public StderrSinkProvider() {}

  @Override
  public String name() {
    return "stderr";
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public OutputSink create(SinkConfig config) {
    return new ConsoleSink(
        name(),
        new FileOutputStream(FileDescriptor.err),
        AlertFormat.forSettings(config.settings()));
  }
}
