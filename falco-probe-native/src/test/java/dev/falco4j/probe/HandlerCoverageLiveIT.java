package dev.falco4j.probe;

import static dev.falco4j.probe.LiveWorkload.assertFixedWidths;
import static dev.falco4j.probe.LiveWorkload.drain;
import static dev.falco4j.probe.LiveWorkload.drainUntilExit;
import static dev.falco4j.probe.LiveWorkload.realPython;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dedicated handler fires and writes a well-formed event: one Python child ({@code
 * workloads/all_handlers.py}) makes each system call the probe has a handler for, and its events
 * must include every {@link ProbeEventTypes dedicated} type, each with the table's parameter count
 * and every fixed-width parameter exactly as wide as its type. The per-parameter values are what the
 * other live tests check; this one catches a handler that is not wired, or that skips or misplaces a
 * store.
 */
@Tag("live")
@ExtendWith(LiveProbeExtension.class)
class HandlerCoverageLiveIT {

  @Test
  void everyDedicatedHandlerFiresWithWellFormedParams(LiveEventSource source, @TempDir Path dir)
      throws Exception {
    Path script = dir.resolve("all_handlers.py");
    try (InputStream in = getClass().getResourceAsStream("/workloads/all_handlers.py")) {
      assertThat(in).isNotNull();
      Files.copy(in, script);
    }
    Path work = Files.createDirectory(dir.resolve("work"));
    List<EventView> events = new ArrayList<>();
    drain(source, events, 200);
    events.clear();
    Process py = new ProcessBuilder(realPython().toString(), script.toString(), work.toString())
        .redirectErrorStream(true).start();
    long pid = py.pid();
    String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(py.waitFor()).as("workload output: %s", out).isZero();
    assertThat(out).isEqualTo("done");
    drainUntilExit(source, events, pid, 10);

    assertFixedWidths(events); // every event of the window, the host's own activity included
    List<EventView> mine = events.stream().filter(e -> e.threadId() == pid).toList();
    Set<Integer> seen = assertFixedWidths(mine);
    Set<String> missing = new TreeSet<>();
    EventTable table = EventTable.current();
    for (int type : ProbeEventTypes.dedicated()) {
      // vfork cannot be issued raw from Python (the child would run on the parent's stack)
      if (type != EventType.VFORK_20_X && !seen.contains(type)) {
        missing.add(table.event(type).name());
      }
    }
    assertThat(missing).as("dedicated events the workload did not bring").isEmpty();
    assertThat(source.counters().totalDrops()).isZero();
    assertThat(source.stats().skippedMalformed()).isZero();
  }
}
