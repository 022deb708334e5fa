package dev.falco4j.core.engine;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.event.spi.InitialState;
import java.io.IOException;

/** The first {@code limit} events of another source, then its end: a run "stopped" at an event. */
final class LimitedSource implements EventSource {
  private final EventSource inner;
  private final long limit;
  private long delivered;

  LimitedSource(EventSource inner, long limit) {
    this.inner = inner;
    this.limit = limit;
  }

  @Override
  public String name() {
    return inner.name();
  }

  @Override
  public InitialState initialState() {
    return inner.initialState();
  }

  @Override
  public int next(EventView into) throws IOException {
    if (delivered >= limit) {
      return END;
    }
    int r = inner.next(into);
    if (r == EVENT) {
      delivered++;
    }
    return r;
  }

  @Override
  public EventSourceStats stats() {
    return inner.stats();
  }

  @Override
  public void close() throws IOException {
    inner.close();
  }
}
