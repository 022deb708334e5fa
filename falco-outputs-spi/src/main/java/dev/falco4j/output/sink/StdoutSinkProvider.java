package dev.falco4j.output.sink;

import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;
import dev.falco4j.output.format.AlertFormat;
import dev.falco4j.output.spi.OutputSinkProvider;
import java.io.FileDescriptor;
import java.io.FileOutputStream;

/** The {@code stdout} sink, falco.yaml {@code stdout_output: {enabled: true}}. */
public final class StdoutSinkProvider implements OutputSinkProvider {

  /** For ServiceLoader. */
  public StdoutSinkProvider() {}

  @Override
  public String name() {
    return "stdout";
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public OutputSink create(SinkConfig config) {
    // The raw descriptor, not System.out: library code must not write through the JVM's console
    // PrintStream (which applications often redirect for their own logging).
    return new ConsoleSink(
        name(),
        new FileOutputStream(FileDescriptor.out),
        AlertFormat.forSettings(config.settings()));
  }
}
