package dev.falco4j.output.sink;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.format.AlertFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/**
 * Writes alert lines to the process's standard output or standard error. The stream is flushed
 * whenever the dispatcher's queue runs empty, so lines appear promptly without a system call per
 * alert under load. Closing flushes but leaves the process's stream open.
 */
final class ConsoleSink implements OutputSink {
  private final String name;
  private final OutputStream stream;
  private final AlertFormat format;
  private BufferedWriter writer;

  ConsoleSink(String name, OutputStream stream, AlertFormat format) {
    this.name = name;
    this.stream = stream;
    this.format = format;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void open() {
    if (writer == null) {
      writer = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 14);
    }
  }

  @Override
  public void deliver(Alert alert) throws IOException {
    open();
    writer.write(format.format(alert));
    writer.write('\n');
  }

  @Override
  public void flush() throws IOException {
    if (writer != null) {
      writer.flush();
    }
  }

  @Override
  public void close() throws IOException {
    // Flush only: the process's stdout/stderr outlive the sink.
    flush();
    writer = null;
  }
}
