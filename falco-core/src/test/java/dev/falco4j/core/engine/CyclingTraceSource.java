package dev.falco4j.core.engine;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.scap.ScapFileSource;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A source that never ends: a trace replayed again and again, each pass announced as a new section
 * (so that a loop reseeds its state from the trace's initial state, as for a concatenated trace).
 * For stop and time-limit tests.
 */
final class CyclingTraceSource implements EventSource {
  private final Path trace;
  private ScapFileSource current;
  private boolean closed;

  CyclingTraceSource(Path trace) throws IOException {
    this.trace = trace;
    this.current = ScapFileSource.open(trace);
  }

  @Override
  public String name() {
    return "cycling " + trace;
  }

  @Override
  public InitialState initialState() {
    return current.initialState();
  }

  @Override
  public int next(EventView into) throws IOException {
    if (closed) {
      return END;
    }
    int r = current.next(into);
    if (r != END) {
      return r;
    }
    current.close();
    current = ScapFileSource.open(trace);
    return NEW_SECTION;
  }

  @Override
  public EventSourceStats stats() {
    return current.stats();
  }

  @Override
  public void close() throws IOException {
    closed = true;
    current.close();
  }
}
