package dev.falco4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.state.ProcScanner;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.testing.SharedFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EventLoop#afterSeeding}: extra state (a /proc scan for live capture) after the source's own. */
class EventLoopSeedTest {

  private static Engine engine() throws Exception {
    FieldCatalog catalog = new FieldCatalog();
    return Engine.builder().rulesString("r.yaml", """
            - rule: Any execve
              desc: d
              condition: evt.type = execve and evt.dir = <
              output: "x %proc.name"
              priority: WARNING
            """)
        .fields(catalog).eventTypeOf(catalog::eventTypeId).hostname("h").build();
  }

  private static Path trace() {
    return SharedFiles.resolve("traces/cat_write.scap");
  }

  @Test
  void seedRunsOnceAfterTheTraceStateAndItsThreadsStay() throws Exception {
    List<Integer> threadsSeen = new ArrayList<>();
    EventLoop loop = new EventLoop(engine());
    long self = ProcessHandle.current().pid();
    loop.afterSeeding(state -> {
      threadsSeen.add(state.threads().size());
      new ProcScanner(Path.of("/proc")).scanInto(state, state.bootTimeNs());
    });
    try (ScapFileSource source = ScapFileSource.open(trace())) {
      loop.run(source);
    }
    assertThat(threadsSeen).hasSize(1);
    assertThat(threadsSeen.get(0)).as("the trace's threads were loaded before the hook").isPositive();
    SystemState state = loop.state();
    assertThat(state.thread(self)).as("this JVM, scanned from /proc").isNotNull();
  }

  @Test
  void aFailingSeedEndsTheRunWithItsError() throws Exception {
    EventLoop loop = new EventLoop(engine()).afterSeeding(state -> {
      throw new IOException("cannot read /proc: test");
    });
    try (ScapFileSource source = ScapFileSource.open(trace())) {
      assertThatThrownBy(() -> loop.run(source)).isInstanceOf(IOException.class)
          .hasMessage("cannot read /proc: test");
    }
  }
}
