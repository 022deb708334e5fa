package dev.falco4j.output.sink;

import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;
import dev.falco4j.output.format.AlertFormat;
import dev.falco4j.output.spi.OutputSinkProvider;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The {@code file} sink: {@code file_output: {enabled: true, keep_alive: false, filename:
 * ./events.txt}}.
 */
public final class FileSinkProvider implements OutputSinkProvider {

  /** For ServiceLoader. */
  public FileSinkProvider() {}

  @Override
  public String name() {
    return "file";
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public OutputSink create(SinkConfig config) {
    String filename = config.section().requireString("filename");
    Path path;
    try {
      path = Path.of(filename);
    } catch (InvalidPathException e) {
      throw new dev.falco4j.output.SinkConfigException(
          config.section().keyPath("filename") + ": invalid path '" + filename + "'", e);
    }
    return new FileSink(
        name(),
        path,
        config.section().bool("keep_alive", false),
        AlertFormat.forSettings(config.settings()));
  }
}
