package dev.falco4j.output.sink;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkHealth;
import dev.falco4j.output.format.AlertFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Appends alert lines to a file.
 *
 * <p>With {@code keep_alive: false} (Falco's default) the file is opened and closed for every
 * alert, so rotation tools can move it at any time. With {@code keep_alive: true} it stays open; to
 * follow log rotation without a signal, the sink checks before each write whether the path still
 * names the file it holds (same inode) and reopens it when a tool moved or deleted it — the
 * behaviour of {@code tail -F}. The check (one {@code stat}) runs on the first write after each
 * flush, i.e. once per batch the dispatcher hands over, not once per alert. {@link #reopen()} forces it (Falco does it on SIGUSR1).
 */
final class FileSink implements OutputSink {
  private final String name;
  private final Path path;
  private final boolean keepAlive;
  private final AlertFormat format;
  private BufferedWriter writer;
  private Object openedInode;
  private boolean checkRotation;
  private volatile SinkHealth health = SinkHealth.OK;

  FileSink(String name, Path path, boolean keepAlive, AlertFormat format) {
    this.name = name;
    this.path = path;
    this.keepAlive = keepAlive;
    this.format = format;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void open() throws IOException {
    if (keepAlive && writer == null) {
      openWriter();
    }
  }

  private void openWriter() throws IOException {
    try {
      writer =
          new BufferedWriter(
              new OutputStreamWriter(
                  Files.newOutputStream(
                      path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                      StandardOpenOption.WRITE),
                  StandardCharsets.UTF_8),
              1 << 14);
      openedInode = inode();
      health = SinkHealth.OK;
    } catch (IOException e) {
      health = SinkHealth.failing("cannot open " + path + ": " + e);
      throw new IOException("file_output: cannot open " + path + ": " + e.getMessage(), e);
    }
  }

  private Object inode() throws IOException {
    try {
      return Files.getAttribute(path, "unix:ino");
    } catch (NoSuchFileException e) {
      return null;
    } catch (UnsupportedOperationException | IllegalArgumentException e) {
      // No unix attribute view (not Linux): rotation is then followed only through reopen().
      return "unsupported";
    }
  }

  @Override
  public void deliver(Alert alert) throws IOException {
    String line = format.format(alert);
    if (!keepAlive) {
      try (BufferedWriter once =
          Files.newBufferedWriter(
              path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
              StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
        once.write(line);
        once.write('\n');
        health = SinkHealth.OK;
      } catch (IOException e) {
        health = SinkHealth.failing("cannot write " + path + ": " + e);
        throw new IOException("file_output: cannot write " + path + ": " + e.getMessage(), e);
      }
      return;
    }
    if (writer == null || (checkRotation && rotated())) {
      closeWriter();
      openWriter();
    }
    checkRotation = false;
    writer.write(line);
    writer.write('\n');
  }

  private boolean rotated() throws IOException {
    Object now = inode();
    return now == null || !now.equals(openedInode);
  }

  @Override
  public void flush() throws IOException {
    if (writer != null) {
      writer.flush();
    }
    checkRotation = true;
  }

  @Override
  public void reopen() throws IOException {
    closeWriter();
    open();
  }

  @Override
  public SinkHealth health() {
    return health;
  }

  @Override
  public void close() throws IOException {
    closeWriter();
  }

  private void closeWriter() throws IOException {
    BufferedWriter w = writer;
    writer = null;
    openedInode = null;
    if (w != null) {
      w.close();
    }
  }
}
