package dev.falco4j.examples.cli;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.scap.DownConversionReport;
import dev.falco4j.core.scap.ScapCompatibility;
import dev.falco4j.core.scap.ScapWriter;
import dev.falco4j.core.state.StateSnapshot;
import dev.falco4j.core.state.SystemState;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * {@code falco -w FILE}: an {@link EventSource} that hands out the events of another source and
 * writes each of them to a {@code .scap} trace on the way, so that what was seen live can be
 * replayed later with {@code -e FILE}, by Falco4J or by Debian's sysdig 0.29.3. A name ending in
 * {@code .gz} is written gzip-compressed, as sysdig's {@code -z} does.
 *
 * <p>Events are written in layouts sysdig 0.29.3 knows ({@link ScapCompatibility#SYSDIG_0_29}, the
 * default): today's exit-only events get the enter events sysdig's state engine needs, event
 * types newer than sysdig become their older versions or the generic syscall event; what has no
 * equivalent is left out and counted ({@link #report()}). Falco4J replays such a trace to the same
 * alerts as it raised live. The
 * trace's metadata is what Falco4J knew before the first event: the source's initial state or,
 * when the loop seeded more (the {@code /proc} scan of live capture, given through {@link
 * #seeded}), the threads and fds of that state, so readers name the processes and files of programs
 * that were already running. The metadata is written just before the first event, when that state
 * is complete.
 *
 * <p>Same threading as the wrapped source: one consumer thread. {@link #close()} closes both the
 * trace (flushing it) and the source.
 */
final class RecordingEventSource implements EventSource {
  private final EventSource source;
  private final ScapWriter writer;
  private final Path file;
  /** The state to snapshot into the metadata, when the loop seeded more than the source knows. */
  private SystemState seeded;
  private boolean headerWritten;

  private RecordingEventSource(EventSource source, ScapWriter writer, Path file) {
    this.source = source;
    this.writer = writer;
    this.file = file;
  }

  /** Starts recording {@code source} into {@code file} in layouts sysdig 0.29.3 reads. */
  static RecordingEventSource record(EventSource source, Path file) throws IOException {
    return record(source, file, ScapCompatibility.SYSDIG_0_29);
  }

  /**
   * Starts recording {@code source} into {@code file} (created or replaced).
   *
   * @throws IOException when the file cannot be created; the source is left open
   */
  static RecordingEventSource record(EventSource source, Path file, ScapCompatibility compatibility)
      throws IOException {
    Objects.requireNonNull(source, "source");
    boolean gzip = file.getFileName() != null && file.getFileName().toString().endsWith(".gz");
    ScapWriter writer;
    try {
      writer = ScapWriter.create(file, gzip, compatibility);
    } catch (IOException e) {
      throw new IOException("cannot create the trace " + file + ": " + e.getMessage(), e);
    }
    return new RecordingEventSource(source, writer, file);
  }

  /**
   * The loop seeded {@code state} beyond the source's initial state (live capture: a {@code /proc}
   * scan). Its threads and fds become the trace's process and fd lists; the metadata is written
   * now. Without this call the source's own initial state is written.
   *
   * @throws IOException when the trace cannot be written
   */
  void seeded(SystemState state) throws IOException {
    if (headerWritten) {
      return; // a later section of a concatenated source: its own state is written there
    }
    this.seeded = Objects.requireNonNull(state, "state");
    writeHeader();
  }

  /** Events written to the trace so far (enter events added for sysdig 0.29 included). */
  long eventsRecorded() {
    return writer.eventsWritten();
  }

  /** What was rewritten or left out to fit sysdig 0.29.3's layouts, per event type. */
  DownConversionReport report() {
    return writer.downConversion();
  }

  /**
   * Strings of the trace's process, fd and user lists cut to the length libscap reads (a longer
   * one, such as a command line over 4 KB, makes sysdig refuse the whole trace).
   */
  long metadataStringsCut() {
    return writer.metadataStringsCut();
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
    if (!headerWritten) {
      writeHeader();
    }
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

  private void writeHeader() throws IOException {
    headerWritten = true;
    InitialState base = source.initialState();
    InitialState state = seeded != null ? StateSnapshot.of(seeded, base) : base;
    try {
      writer.writeHeader(state);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot write the trace " + file + ": " + e.getMessage(), e);
    }
  }

  @Override
  public EventSourceStats stats() {
    return source.stats();
  }

  @Override
  public void close() throws IOException {
    IOException failure = null;
    try {
      if (!headerWritten) {
        writeHeader(); // a trace without events is still a well-formed (if unreadable) file
      }
    } catch (IOException e) {
      failure = e;
    }
    try {
      writer.close();
    } catch (IOException e) {
      IOException wrapped =
          new IOException("closing the trace " + file + " failed: " + e.getMessage(), e);
      if (failure == null) {
        failure = wrapped;
      } else {
        failure.addSuppressed(wrapped);
      }
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
}
