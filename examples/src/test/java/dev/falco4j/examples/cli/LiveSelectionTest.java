package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.field.FieldCatalog;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class LiveSelectionTest {

  private static Engine engine(String condition) throws Exception {
    FieldCatalog catalog = new FieldCatalog();
    return Engine.builder().fields(catalog).eventTypeOf(catalog::eventTypeId).hostname("h")
        .rulesString("r.yaml", "- rule: R\n  desc: d\n  condition: " + condition
            + "\n  output: o\n  priority: WARNING\n").build();
  }

  private static Set<Integer> ids(Map<String, String> options) {
    return Arrays.stream(options.get("event_types").split(",")).map(Integer::valueOf)
        .collect(Collectors.toSet());
  }

  @Test
  void rulesEventTypesPlusWhatTheStateNeedsAndNothingElse() throws Exception {
    Map<String, String> options = LiveSelection.options(engine("evt.type = ptrace"), false);
    assertThat(options).doesNotContainKey("all_syscalls");
    assertThat(ids(options)).contains(EventType.PTRACE_X, EventType.OPENAT_2_X, EventType.EXECVE_19_X,
        EventType.CLOSE_X).doesNotContain(EventType.READ_X, EventType.MMAP_X);
  }

  @Test
  void aRuleOnAGenericSyscallNeedsEverySyscall() throws Exception {
    Map<String, String> options = LiveSelection.options(engine("evt.type = move_mount"), false);
    assertThat(options).containsEntry("all_syscalls", "true");
  }

  @Test
  void aRuleWithoutEventTypeGetsEveryDedicatedEventButNotEverySyscall() throws Exception {
    Map<String, String> options = LiveSelection.options(engine("proc.name = bash"), false);
    assertThat(options).doesNotContainKey("all_syscalls");
    assertThat(ids(options)).contains(EventType.READ_X, EventType.PTRACE_X);
  }

  @Test
  void dashACapturesEverything() throws Exception {
    assertThat(LiveSelection.options(engine("evt.type = ptrace"), true))
        .containsExactly(Map.entry("all_syscalls", "true"));
  }
}
