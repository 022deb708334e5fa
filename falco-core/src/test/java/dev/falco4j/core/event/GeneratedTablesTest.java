package dev.falco4j.core.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.testing.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The committed generated sources must equal what the generator makes from shared/spec now. */
class GeneratedTablesTest {

  private static final Path GENERATED_DIR = Path.of("src/main/java/dev/falco4j/core/event");

  @Test
  void committedSourcesAreUpToDateWithTheSpec() throws Exception {
    Map<String, String> fresh = EventTableGenerator.generate(SharedFiles.spec());
    assertThat(fresh).hasSize(8);
    for (Map.Entry<String, String> e : fresh.entrySet()) {
      Path committed = GENERATED_DIR.resolve(e.getKey());
      assertThat(committed).exists();
      assertThat(Files.readString(committed, StandardCharsets.UTF_8))
          .as("%s is stale: rerun EventTableGenerator (see its Javadoc)", e.getKey())
          .isEqualTo(e.getValue());
    }
  }

  @Test
  void currentTableMatchesTheSpecRowCounts() {
    EventTable t = EventTable.current();
    assertThat(t.size()).isEqualTo(EventType.COUNT).isEqualTo(454);
    assertThat(t.syscalls()).hasSize(373);
    int entries = 0;
    for (FlagSet s : t.flagSets().values()) {
      entries += s.size();
    }
    assertThat(t.flagSets()).hasSize(55);
    assertThat(entries).isEqualTo(606);
    assertThat(EventTable.sysdig029().size()).isEqualTo(336);
  }

  @Test
  void knownRowsDecodeAsTheSpecSays() {
    EventTable t = EventTable.current();
    EventInfo open = t.event(EventType.OPEN_X);
    assertThat(open.name()).isEqualTo("open");
    assertThat(open.isEnter()).isFalse();
    assertThat(open.paramCount()).isEqualTo(6);
    assertThat(open.param(2).type()).isEqualTo(ParamType.FLAGS32);
    assertThat(open.param(2).flagSet().name()).isEqualTo("file_flags");
    assertThat(open.hasFlag(EventFlags.CREATES_FD)).isTrue();
    assertThat(EventCategory.topicName(open.category())).isEqualTo("file");
    assertThat(t.event(EventType.PROCINFO_E).name()).isEqualTo("procinfo");
    assertThat(t.event(EventType.PROCINFO_E).category() & EventCategory.INTERNAL).isNotZero();
    assertThat(t.event(EventType.ASYNCEVENT_E).isLargePayload()).isTrue();
    assertThat(t.event(EventType.CONTAINER_JSON_2_E).isLargePayload()).isTrue();
    assertThat(t.errnoName(2)).isEqualTo("ENOENT");
    assertThat(t.signalName(9)).isEqualTo("SIGKILL");
    assertThat(t.syscallName(3)).isEqualTo("read");
    assertThat(t.syscallByNr(0).name()).isEqualTo("read");
    assertThat(t.dynamicTable("sockopt_dynamic_param").alternative(1).type())
        .isEqualTo(ParamType.ERRNO);
    assertThat(t.flagSet("file_flags").bitwiseNames(4097)).isEqualTo("O_RDONLY|O_CLOEXEC");
    assertThat(t.find("openat", false).hasFlag(EventFlags.OLD_VERSION)).isFalse();
    // a param type changed between table versions (scap-format.md pitfalls)
    assertThat(t.event(EventType.MMAP_X).param(0).type()).isEqualTo(ParamType.ERRNO);
    assertThat(EventTable.sysdig029().event(EventType.MMAP_X).param(0).type())
        .isEqualTo(ParamType.UINT64);
  }

  @Test
  void constantNamesStripThePpmePrefixes() {
    assertThat(EventTableGenerator.constantName("PPME_SYSCALL_OPENAT_2_X")).isEqualTo("OPENAT_2_X");
    assertThat(EventTableGenerator.constantName("PPME_SOCKET_CONNECT_E")).isEqualTo("CONNECT_E");
    assertThat(EventTableGenerator.constantName("PPME_GENERIC_X")).isEqualTo("GENERIC_X");
  }
}
