package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.FdType;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.testing.SharedFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reads the shared corpus; expected counts agree with scap-format.md §16 and tools/scapdump.py. */
class ScapFileSourceTest {

  static final class Counts {
    long events;
    long lastTs;
    boolean ordered = true;
    int newSections;
  }

  static Counts readAll(Path p) throws Exception {
    Counts c = new Counts();
    EventView v = new EventView();
    try (ScapFileSource src = ScapFileSource.open(p, ScapReadOptions.defaults().withStrict(true))) {
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.NEW_SECTION) {
          c.newSections++;
          continue;
        }
        c.events++;
        assertThat(v.number()).isEqualTo(c.events);
        if (v.timestamp() < c.lastTs && v.timestamp() != 0) {
          c.ordered = false;
        }
        c.lastTs = v.timestamp();
        for (int i = 0; i < v.paramCount(); i++) {
          v.paramLength(i);
        }
      }
      assertThat(src.stats().events()).isEqualTo(c.events);
    }
    return c;
  }

  @ParameterizedTest
  @CsvSource({
    "traces/cat_write.scap, 345, 73, 384",
    "traces/open-multiple-files.scap, 1272, 128, 685",
    "traces/connect_localhost.scap, 374, 184, 690",
    "traces/syscall.scap, 368, 229, 773",
    "traces/curl_google.scap, 1536, 54, 316",
    "traces/ping_sendto.scap, 1526, 136, 674",
    "traces/empty.scap, 143, 218, 883",
    "traces/synthetic/synthetic.scap, 14, 54, 316",
  })
  void readsEveryCorpusFile(String file, long events, int threads, int fds) throws Exception {
    Path p = SharedFiles.resolve(file);
    assertThat(readAll(p).events).isEqualTo(events);
    try (ScapFileSource src = ScapFileSource.open(p)) {
      InitialState s = src.initialState();
      assertThat(s.threads()).hasSize(threads);
      assertThat(s.machine()).isNotNull();
      assertThat(s.fds().size()).isGreaterThanOrEqualTo(fds);
      assertThat(s.users()).isNotEmpty();
      assertThat(s.interfaces()).isNotEmpty();
    }
  }

  @Test
  void syntheticFileHasEveryEventBlockKindAndSkipsTheUnknownType() throws Exception {
    EventView v = new EventView();
    int large = 0;
    int flagged = 0;
    int legacy = 0;
    try (ScapFileSource src = ScapFileSource.open(SharedFiles.resolve("traces/synthetic/synthetic.scap"))) {
      while (src.next(v) == EventSource.EVENT) {
        if (v.type() == EventType.ASYNCEVENT_E) {
          large++;
          assertThat(v.lengthWidth()).isEqualTo(4);
        }
        if (v.dumpFlags() != 0) {
          flagged++;
        }
        if (v.isLegacy()) {
          legacy++;
          assertThat(v.type()).isEqualTo(EventType.PROCINFO_E);
          assertThat(v.paramCount()).isEqualTo(2);
        }
      }
      assertThat(src.stats().skippedUnknownType()).isEqualTo(1);
      assertThat(src.stats().skippedMalformed()).isZero();
    }
    assertThat(large).isEqualTo(2);
    assertThat(legacy).isEqualTo(2);
    assertThat(flagged).isGreaterThanOrEqualTo(3);
  }

  @Test
  void concatenatedCaptureReportsTheSecondSection() throws Exception {
    Counts c = readAll(SharedFiles.resolve("traces/synthetic/concatenated.scap"));
    assertThat(c.events).isEqualTo(1881);
    assertThat(c.newSections).isEqualTo(1);
  }

  @Test
  void initialStateDecodesProcessFdUserAndInterfaceLists() throws Exception {
    try (ScapFileSource src = ScapFileSource.open(SharedFiles.resolve("traces/cat_write.scap"))) {
      InitialState s = src.initialState();
      assertThat(s.threads()).anySatisfy(t -> {
        assertThat(t.tid()).isEqualTo(1);
        assertThat(t.comm()).isNotEmpty();
        assertThat(t.version()).isEqualTo(6);
      });
      assertThat(s.fds()).anySatisfy(f -> assertThat(f.type()).isEqualTo(FdType.FILE));
      assertThat(s.users()).anySatisfy(u -> assertThat(u.name()).isEqualTo("root"));
      assertThat(s.interfaces()).anySatisfy(i -> assertThat(i.name()).isEqualTo("lo"));
    }
  }
}
