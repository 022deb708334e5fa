package dev.falco4j.bench;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapReadOptions;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A shared trace held in memory for the benchmarks that replay real events: its initial state (the
 * process and fd lists recorded before the first event) and every event in the v2 layout in one
 * heap buffer, as the reader shows them. Loaded once in a trial-level setup.
 *
 * <p>Replaying the events more than once (a big trace made by {@code scapmul.py} is the same event
 * blocks again and again) works like the big trace does only if time moves forward: {@link
 * #nextCycle()} shifts every timestamp by the trace's span before the events are shown again.
 */
final class RecordedTrace {

  private final Path path;
  private final InitialState initialState;
  private final ByteBuffer events;
  private final int[] offsets;
  private final long span;

  private RecordedTrace(Path path, InitialState initialState, ByteBuffer events, int[] offsets,
      long span) {
    this.path = path;
    this.initialState = initialState;
    this.events = events;
    this.offsets = offsets;
    this.span = span;
  }

  /** Loads {@code name} from the shared traces directory (see {@link #sharedFile}). */
  static RecordedTrace load(String name) throws IOException {
    Path p = sharedFile("traces/" + name);
    ByteBuffer all = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 64,
        Files.size(p) * 4 + 4096)).order(ByteOrder.LITTLE_ENDIAN);
    int[] offs = new int[1024];
    int n = 0;
    long first = Long.MAX_VALUE;
    long last = Long.MIN_VALUE;
    InitialState initial;
    EventView v = new EventView();
    try (ScapFileSource src = ScapFileSource.open(p, ScapReadOptions.defaults())) {
      initial = src.initialState();
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r != EventSource.EVENT) {
          continue;
        }
        if (n == offs.length) {
          offs = Arrays.copyOf(offs, n * 2);
        }
        offs[n++] = all.position();
        v.writeV2(all);
        first = Math.min(first, v.timestamp());
        last = Math.max(last, v.timestamp());
      }
    }
    if (n == 0) {
      throw new IllegalStateException("trace " + p + " has no events");
    }
    return new RecordedTrace(p, initial, all, Arrays.copyOf(offs, n), last - first + 1000);
  }

  /**
   * A file under the shared directory: {@code -Dfalco4j.shared.dir}, else {@code ../shared}
   * (benchmarks run from the repository root), else {@code /work/shared}.
   */
  static Path sharedFile(String relative) {
    String configured = System.getProperty("falco4j.shared.dir");
    Path[] candidates = configured != null
        ? new Path[] {Path.of(configured)}
        : new Path[] {Path.of("../shared"), Path.of("/work/shared")};
    for (Path dir : candidates) {
      Path f = dir.resolve(relative);
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    throw new IllegalStateException("shared file " + relative + " not found under "
        + Arrays.toString(candidates) + " (set -Dfalco4j.shared.dir=DIR)");
  }

  /** The trace file. */
  Path path() {
    return path;
  }

  /** Number of events. */
  int count() {
    return offsets.length;
  }

  /** A fresh state seeded from the trace's initial state. */
  SystemState seededState() {
    SystemState state = new SystemState();
    new TraceSeeder().load(initialState, state);
    return state;
  }

  /**
   * Points {@code view} at event {@code index} (0-based; its number is index + 1) and checks its
   * layout, as the trace reader does for every event it hands out.
   */
  EventView show(int index, EventView view) {
    int off = offsets[index];
    view.reset(events, off, 0, 0, index + 1L);
    if (view.checkLayout(off + (int) view.length()) != EventView.LAYOUT_OK) {
      throw new IllegalStateException("event " + (index + 1) + " of " + path + " is malformed");
    }
    return view;
  }

  /** Moves every timestamp one trace span forward, for the next replay of the same events. */
  void nextCycle() {
    ByteBuffer b = events;
    for (int off : offsets) {
      b.putLong(off, b.getLong(off) + span);
    }
  }
}
