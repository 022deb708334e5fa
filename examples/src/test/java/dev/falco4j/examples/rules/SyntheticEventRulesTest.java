package dev.falco4j.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.scap.ScapCompatibility;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Rules on rarer system calls (ptrace, unshare, setns, finit_module, bpf), proven on replay
 * without root: one synthetic event of each, in the current scap layout, is placed into a real
 * recorded trace ({@code ls} on the host, which raises nothing) right after the {@code ls} program
 * was loaded, and replayed: exactly the rule's one alert, about {@code ls}. This proves the rule
 * logic and field use; {@code DefaultRulesLiveIT} performs the same calls under the live probe.
 */
class SyntheticEventRulesTest {
  @TempDir Path dir;

  enum Synthetic {
    PTRACE_ATTACH("Process Attached With Ptrace", Map.of("evt.arg.request", "PTRACE_ATTACH"),
        () -> new SyntheticEvent(EventType.PTRACE_X).i64(0).dynU64(0, 0).dynU64(0, 0).u16(0xb).i64(4242)),
    UNSHARE_MOUNT_NAMESPACE("Namespace Change By Unexpected Program", Map.of("evt.type", "unshare"),
        () -> new SyntheticEvent(EventType.UNSHARE_X).i64(0).u32(0x20)),
    SETNS_NETWORK_NAMESPACE("Namespace Change By Unexpected Program", Map.of("evt.type", "setns"),
        () -> new SyntheticEvent(EventType.SETNS_X).i64(0).i64(3).u32(0x10)),
    KERNEL_MODULE_FROM_FD("Kernel Module Loaded", Map.of(),
        () -> new SyntheticEvent(EventType.FINIT_MODULE_X).i64(0).i64(3).str("").u32(0)),
    BPF_PROGRAM_LOAD("BPF Program Loaded By Unexpected Process", Map.of(),
        () -> new SyntheticEvent(EventType.BPF_2_X).i64(5).u32(5));

    final String rule;
    final Map<String, String> fields;
    final Supplier<SyntheticEvent> event;

    Synthetic(String rule, Map<String, String> fields, Supplier<SyntheticEvent> event) {
      this.rule = rule;
      this.fields = fields;
      this.event = event;
    }
  }

  @ParameterizedTest
  @EnumSource(Synthetic.class)
  void syntheticEventRaisesExactlyItsRule(Synthetic s) throws IOException {
    Path base = dir.resolve("base.scap.gz");
    try (InputStream in = getClass().getResourceAsStream(
        "/traces/default-rules/" + RuleCase.LS_WITHOUT_NETWORK.traceName())) {
      assertThat(in).isNotNull();
      Files.copy(in, base);
    }
    Path trace = dir.resolve(s.name() + ".scap");
    insertAfterLastExecve(base, s.event.get(), trace);

    List<AlertRecord> alerts = FalcoReplay.replay(trace, dir);
    assertThat(alerts).as("alerts for %s", s).hasSize(1);
    assertThat(alerts.get(0).rule()).isEqualTo(s.rule);
    assertThat(alerts.get(0).fields()).containsEntry("proc.name", "ls").containsAllEntriesOf(s.fields);
  }

  /** Copies {@code base}, with {@code extra} by the same thread right after the last successful execve. */
  private static void insertAfterLastExecve(Path base, SyntheticEvent extra, Path out) throws IOException {
    long lastExecve = -1;
    EventView ev = new EventView();
    try (EventSource src = ScapFileSource.open(base)) {
      for (int r, i = 0; (r = src.next(ev)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          if (ev.type() == EventType.EXECVE_19_X) {
            lastExecve = i;
          }
          i++;
        }
      }
    }
    assertThat(lastExecve).as("an execve in the base trace").isNotNegative();
    try (EventSource src = ScapFileSource.open(base);
        ScapWriter w = ScapWriter.create(out, false, ScapCompatibility.CURRENT)) {
      w.writeHeader(src.initialState());
      for (int r, i = 0; (r = src.next(ev)) != EventSource.END; ) {
        if (r != EventSource.EVENT) {
          continue;
        }
        w.writeEvent(ev);
        if (i++ == lastExecve) {
          w.writeEvent(extra.view(ev.timestamp() + 1, ev.threadId(), ev.number() + 1));
        }
      }
    }
  }
}
