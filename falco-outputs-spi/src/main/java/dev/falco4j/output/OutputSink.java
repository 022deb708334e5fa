package dev.falco4j.output;

import java.io.IOException;

/**
 * One alert channel (stdout, a file, syslog, a program, an HTTP endpoint, or a plugin). Created by
 * an {@link dev.falco4j.output.spi.OutputSinkProvider} from its configuration section, then driven
 * by the {@link OutputDispatcher} from a single worker thread of its own: {@code open}, many {@code
 * deliver}, a {@code flush} whenever the queue runs empty, {@code close}. A sink therefore needs no
 * locking of its own, and may block: only its own worker waits.
 *
 * <p>A sink reports failure by throwing; the dispatcher counts it, logs it (rate-limited) and goes
 * on with the next alert. {@link #health()} may be called from any thread.
 */
public interface OutputSink extends AutoCloseable {

  /** The sink's name as configured ("file", "http"), used in logs and counters. */
  String name();

  /** Acquires the resources (opens the file, connects the socket, starts the program). */
  void open() throws IOException;

  /** Writes one alert; may buffer until {@link #flush()}. */
  void deliver(Alert alert) throws IOException;

  /** Pushes buffered alerts out. */
  void flush() throws IOException;

  /**
   * Drops and re-acquires the resources: a file sink opens the path again (after log rotation), a
   * program sink restarts the program. The default closes then opens.
   */
  default void reopen() throws IOException {
    close();
    open();
  }

  /** Current health; the default says healthy. Thread-safe. */
  default SinkHealth health() {
    return SinkHealth.OK;
  }

  /** Releases the resources; the sink may be opened again. */
  @Override
  void close() throws IOException;
}
