package dev.falco4j.core.scap;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import java.io.IOException;
import java.nio.file.Path;

/** Copies a trace through the reader and the writer (test helper). */
final class TraceCopy {

  private TraceCopy() {}

  /** Returns the number of events written. */
  static long copy(Path in, Path out, boolean gzip, ScapCompatibility compat) throws IOException {
    EventView v = new EventView();
    try (ScapFileSource src = ScapFileSource.open(in, ScapReadOptions.defaults().withStrict(true));
        ScapWriter w = ScapWriter.create(out, gzip, compat)) {
      w.writeHeader(src.initialState());
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          w.writeEvent(v);
        } else if (r == EventSource.NEW_SECTION) {
          w.writeSection(src.initialState());
        }
      }
      return w.eventsWritten();
    }
  }
}
