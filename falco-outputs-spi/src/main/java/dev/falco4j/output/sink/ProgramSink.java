package dev.falco4j.output.sink;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkHealth;
import dev.falco4j.output.format.AlertFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes alert lines to the standard input of a program, as Falco's {@code program_output} does
 * (e.g. {@code mail -s "Falco Notification" someone@example.com}).
 *
 * <p>Security: the configured command line is run by {@code /bin/sh -c} exactly as configured; alert
 * text only ever travels on the program's stdin, never into its arguments or environment, so event
 * data cannot inject shell syntax.
 *
 * <p>With {@code keep_alive: false} (default) the program is started per alert, gets one line and
 * end-of-input, and must exit within the timeout (a non-zero status is a failed delivery). With
 * {@code keep_alive: true} one program receives every line; if it exits, the next alert restarts it
 * (a line written after the program stopped reading but before it exited can be lost: pipes do not
 * report that).
 */
final class ProgramSink implements OutputSink {
  private final String name;
  private final String program;
  private final boolean keepAlive;
  private final Duration timeout;
  private final AlertFormat format;
  private Process process;
  private BufferedWriter stdin;
  private volatile SinkHealth health = SinkHealth.OK;
  private long starts;

  ProgramSink(String name, String program, boolean keepAlive, Duration timeout, AlertFormat format) {
    this.name = name;
    this.program = program;
    this.keepAlive = keepAlive;
    this.timeout = timeout;
    this.format = format;
  }

  @Override
  public String name() {
    return name;
  }

  /** How many times the program was started (for tests and diagnostics). */
  long starts() {
    return starts;
  }

  @Override
  public void open() throws IOException {
    if (keepAlive && (process == null || !process.isAlive())) {
      start();
    }
  }

  private void start() throws IOException {
    closeProcess(false);
    ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", "-c", program));
    // Like Falco's popen(): the program's own output goes where ours goes.
    pb.redirectOutput(ProcessBuilder.Redirect.INHERIT);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    try {
      process = pb.start();
    } catch (IOException e) {
      health = SinkHealth.failing("cannot start '" + program + "': " + e.getMessage());
      throw new IOException("program_output: cannot start '" + program + "': " + e.getMessage(), e);
    }
    starts++;
    stdin =
        new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public void deliver(Alert alert) throws IOException {
    String line = format.format(alert);
    if (!keepAlive) {
      deliverOnce(line);
      return;
    }
    if (process == null || !process.isAlive()) {
      start();
    }
    try {
      writeLine(line);
    } catch (IOException brokenPipe) {
      // The program went away between the liveness check and the write: restart it once.
      start();
      writeLine(line);
    }
    health = SinkHealth.OK;
  }

  private void writeLine(String line) throws IOException {
    stdin.write(line);
    stdin.write('\n');
  }

  private void deliverOnce(String line) throws IOException {
    start();
    try {
      writeLine(line);
      stdin.close();
    } catch (IOException e) {
      // The program may legitimately exit without reading; its status decides below.
    }
    stdin = null;
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        health = SinkHealth.failing("'" + program + "' did not exit within " + timeout.toMillis() + " ms");
        throw new IOException("program_output: '" + program + "' did not exit within "
            + timeout.toMillis() + " ms; killed");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for '" + program + "'");
    }
    int status = process.exitValue();
    process = null;
    if (status != 0) {
      health = SinkHealth.failing("'" + program + "' exited with status " + status);
      throw new IOException("program_output: '" + program + "' exited with status " + status);
    }
    health = SinkHealth.OK;
  }

  @Override
  public void flush() throws IOException {
    if (stdin != null) {
      try {
        stdin.flush();
      } catch (IOException e) {
        health = SinkHealth.failing("'" + program + "' stopped reading: " + e.getMessage());
        throw new IOException("program_output: '" + program + "' stopped reading its input", e);
      }
    }
  }

  @Override
  public void reopen() throws IOException {
    closeProcess(true);
    open();
  }

  @Override
  public SinkHealth health() {
    return health;
  }

  @Override
  public void close() throws IOException {
    closeProcess(true);
  }

  /** Ends input; with {@code wait}, gives the program the timeout to finish, then kills it. */
  private void closeProcess(boolean wait) {
    Process p = process;
    BufferedWriter w = stdin;
    process = null;
    stdin = null;
    if (w != null) {
      try {
        w.close();
      } catch (IOException ignored) {
        // The program already closed its end; nothing left to tell it.
      }
    }
    if (p == null) {
      return;
    }
    try {
      if (wait && !p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly();
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
