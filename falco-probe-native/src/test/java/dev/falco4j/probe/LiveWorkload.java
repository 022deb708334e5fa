package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * What the live tests share: the Python interpreter that runs their workloads, reading events from
 * the source into owned copies, and picking the one event a check is about.
 */
final class LiveWorkload {

  private LiveWorkload() {}

  /** The interpreter itself (not a launcher script such as a pyenv shim, which would exec it). */
  static Path realPython() throws IOException, InterruptedException {
    Path launcher = Prerequisites.onPath("python3");
    Prerequisites.require(launcher != null, "python3 runs the workload");
    Process p = new ProcessBuilder(launcher.toString(), "-c", "import sys; print(sys.executable)").start();
    String exe = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(p.waitFor()).isZero();
    return Path.of(exe);
  }

  /** Reads events for up to {@code millis}, keeping copies. */
  static void drain(LiveEventSource source, List<EventView> into, long millis) throws IOException {
    EventView ev = new EventView();
    long end = System.nanoTime() + millis * 1_000_000L;
    while (System.nanoTime() < end) {
      int r = source.next(ev);
      if (r == EventSource.EVENT) {
        into.add(ev.detach());
      } else if (r == EventSource.END) {
        return;
      }
    }
  }

  /** Reads events until thread {@code pid}'s procexit arrived (or {@code seconds} passed). */
  static void drainUntilExit(LiveEventSource source, List<EventView> into, long pid, int seconds)
      throws IOException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < deadline
        && into.stream().noneMatch(e -> e.type() == EventType.PROCEXIT_1_E && e.threadId() == pid)) {
      drain(source, into, 100);
    }
  }

  /** The only event matching {@code p}; fails when there are none or several. */
  static EventView one(List<EventView> events, Predicate<EventView> p) {
    List<EventView> found = events.stream().filter(p).toList();
    assertThat(found).as("events matching (%d collected)", events.size()).hasSize(1);
    return found.get(0);
  }

  /**
   * Every parameter of a fixed-width type (integers, flags, fds, pids, uids...) in {@code events} has
   * exactly its width: a handler that skipped or misplaced a store would leave one empty or shifted.
   * Returns the event types checked.
   */
  static Set<Integer> assertFixedWidths(List<EventView> events) {
    Set<Integer> types = new TreeSet<>();
    for (EventView e : events) {
      types.add(e.type());
      assertThat(e.paramCount()).as("%s", e).isEqualTo(e.info().paramCount());
      for (int i = 0; i < e.paramCount(); i++) {
        int width = e.paramType(i).fixedSize();
        if (width >= 0) {
          assertThat(e.paramLength(i)).as("%s param %s", e.info().name(), e.paramInfo(i).name()).isEqualTo(width);
        }
      }
    }
    return types;
  }
}
