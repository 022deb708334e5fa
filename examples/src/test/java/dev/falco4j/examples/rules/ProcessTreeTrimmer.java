package dev.falco4j.examples.rules;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.scap.ScapCompatibility;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapWriter;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.ThreadInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Cuts a small trace out of a long live recording: only the events of one process and its
 * descendants (followed through the state tracker's parent links), gzip-compressed, with the
 * recording's metadata. What a rule sees of a behaviour is in there; the rest of the host is not.
 */
final class ProcessTreeTrimmer {
  private ProcessTreeTrimmer() {}

  /** Writes the events of the tree rooted at {@code rootPid} to {@code out}; returns how many. */
  static long trim(Path recording, long rootPid, Path out) throws IOException {
    SystemState state = new SystemState();
    Set<Long> tree = new HashSet<>();
    tree.add(rootPid);
    EventView ev = new EventView();
    try (EventSource src = ScapFileSource.open(recording);
        ScapWriter w = ScapWriter.create(out, true, ScapCompatibility.CURRENT)) {
      w.writeHeader(src.initialState());
      for (int r; (r = src.next(ev)) != EventSource.END; ) {
        if (r != EventSource.EVENT) {
          continue;
        }
        state.apply(ev);
        ThreadInfo t = state.thread(ev.threadId());
        if (t == null) {
          continue;
        }
        if (!tree.contains(t.pid())) {
          ThreadInfo parent = t.ptid() > 0 ? state.thread(t.ptid()) : null;
          long parentPid = parent != null ? parent.pid() : t.ptid();
          if (!tree.contains(parentPid)) {
            continue;
          }
          tree.add(t.pid());
        }
        w.writeEvent(ev);
      }
      return w.eventsWritten();
    }
  }
}
