package dev.falco4j.examples.cli;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.scap.ScapCompatibility;
import dev.falco4j.core.scap.ScapWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code falco -w FILE}: an {@link EventSource} that hands out the events of another source and
 * writes each of them to a {@code .scap} trace on the way, so that what was seen live can be
 * replayed later with {@code -e FILE}. Events are copied byte for byte (one event layout for live
 * and replay); the source's initial state becomes the trace's metadata blocks. A name ending in
 * {@code .gz} is written gzip-compressed, as sysdig's {@code -z} does.
 *
 * <p>Same threading as the wrapped source: one consumer thread. {@link #close()} closes both the
 * trace (flushing it) and the source.
 */
final class RecordingEventSource implements EventSource {
  private final EventSource source;
  private final ScapWriter writer;
  private final Path file;

  private RecordingEventSource(EventSource source, ScapWriter writer, Path file) {
    this.source = source;
    this.writer = writer;
    this.file = file;
  }

  /**
   * Starts recording {@code source} into {@code file} (created or replaced) and writes its header.
   *
   * @throws IOException when the file cannot be created or written; the source is left open
   */
  static RecordingEventSource record(EventSource source, Path file) throws IOException {
    Objects.requireNonNull(source, "source");
    boolean gzip = file.getFileName() != null && file.getFileName().toString().endsWith(".gz");
    ScapWriter writer;
    try {
      writer = ScapWriter.create(file, gzip, ScapCompatibility.CURRENT);
    } catch (IOException e) {
      throw new IOException("cannot create the trace " + file + ": " + e.getMessage(), e);
    }
    try {
      writer.writeHeader(source.initialState());
    } catch (IOException | RuntimeException e) {
      closeQuietly(writer);
      throw new IOException("cannot write the trace " + file + ": " + e.getMessage(), e);
    }
    return new RecordingEventSource(source, writer, file);
  }

  /** Events written to the trace so far. */
  long eventsRecorded() {
    return writer.eventsWritten();
  }

  /** The trace being written. */
  Path file() {
    return file;
  }

  @Override
  public String name() {
    return source.name();
  }

  @Override
  public InitialState initialState() {
    return source.initialState();
  }

  @Override
  public int next(EventView into) throws IOException {
    int r = source.next(into);
    try {
      if (r == EVENT) {
        writer.writeEvent(into);
      } else if (r == NEW_SECTION) {
        writer.writeSection(source.initialState());
      }
    } catch (IllegalArgumentException e) {
      // An event too big for a block of its type: the trace cannot hold it; it still gets
      // evaluated, and the trace stays readable.
      return r;
    } catch (IOException e) {
      throw new IOException("writing the trace " + file + " failed: " + e.getMessage(), e);
    }
    return r;
  }

  @Override
  public EventSourceStats stats() {
    return source.stats();
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    try {
      writer.close();
    } catch (IOException e) {
      failure = new IOException("closing the trace " + file + " failed: " + e.getMessage(), e);
    }
    try {
      source.close();
    } catch (IOException e) {
      if (failure == null) {
        failure = e;
      } else {
        failure.addSuppressed(e);
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  private static void closeQuietly(ScapWriter writer) {
    try {
      writer.close();
    } catch (IOException ignored) {
      // the original failure is the one reported
    }
  }
}
