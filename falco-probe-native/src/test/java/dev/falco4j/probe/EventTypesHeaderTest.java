package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventFlags;
import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.testing.SharedFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The committed {@code include/event_types.h} matches shared/spec (checked independently of the
 * generator script, which {@code make check-generated} runs during the build), and every event type
 * the probe writes is a current exit event (or procexit) of the table.
 */
class EventTypesHeaderTest {

  private static final Pattern DEFINE = Pattern.compile("^#define (F4J_\\w+) (\\S+)$");

  private static Map<String, String> defines() throws IOException {
    Path header = sourceDir().resolve("include/event_types.h");
    Map<String, String> out = new HashMap<>();
    for (String line : Files.readAllLines(header, StandardCharsets.UTF_8)) {
      Matcher m = DEFINE.matcher(line);
      if (m.matches()) {
        out.put(m.group(1), m.group(2));
      }
    }
    return out;
  }

  static Path sourceDir() {
    String dir = System.getProperty("falco4j.native.source.dir");
    return dir != null ? Path.of(dir) : Path.of("src/main/c");
  }

  @Test
  void everyEventRowHasItsIdAndParamCount() throws IOException {
    Map<String, String> defs = defines();
    List<String> rows = Files.readAllLines(SharedFiles.spec().resolve("event-table.tsv"));
    int checked = 0;
    boolean header = true;
    for (String row : rows) {
      if (row.startsWith("#") || row.isBlank()) {
        continue;
      }
      if (header) {
        header = false;
        continue;
      }
      String[] f = row.split("\t", -1);
      String name = "F4J_EVT_" + f[7].substring("PPME_".length());
      assertThat(defs).as(name).containsEntry(name, f[0]);
      assertThat(defs).as(name + "_NPARAMS").containsEntry(name + "_NPARAMS", f[5]);
      checked++;
    }
    assertThat(checked).isEqualTo(EventTable.current().size());
    assertThat(defs).containsEntry("F4J_EVENT_TABLE_SIZE", Integer.toString(checked));
  }

  @Test
  void flagValuesAreThoseOfTheFlagsTable() throws IOException {
    Map<String, String> defs = defines();
    assertThat(defs).containsEntry("F4J_PPM_FILE_FLAGS_O_F_CREATED", "0x4000");
    assertThat(defs).containsEntry("F4J_PPM_CLONE_FLAGS_CLONE_VFORK", "0x8000000");
    assertThat(defs).containsEntry("F4J_PPM_EXECVE_FLAGS_EXE_FROM_MEMFD", "0x4");
  }

  @Test
  void theProbeWritesOnlyCurrentVersionsOfEvents() {
    EventTable table = EventTable.current();
    for (int type : ProbeEventTypes.dedicated()) {
      EventInfo info = table.event(type);
      assertThat(info).as("type %d", type).isNotNull();
      assertThat(info.flags() & EventFlags.OLD_VERSION).as(info.name()).isZero();
      assertThat(info.flags() & EventFlags.UNUSED).as(info.name()).isZero();
      assertThat(type % 2 == 1 || info.name().equals("procexit")).as(info.name()).isTrue();
    }
  }
}
