package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceProvider;
import dev.falco4j.core.testing.SharedFiles;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ScapFileSourceProviderTest {

  @Test
  void isFoundByServiceLoaderAndOpensTraces() throws Exception {
    EventSourceProvider found = null;
    for (EventSourceProvider p : ServiceLoader.load(EventSourceProvider.class)) {
      if (p.name().equals(ScapFileSourceProvider.NAME)) {
        found = p;
      }
    }
    assertThat(found).isNotNull();
    assertThat(found.apiVersion()).isEqualTo(EventSourceProvider.API_VERSION);
    String trace = SharedFiles.resolve("traces/syscall.scap").toString();
    assertThat(found.accepts(trace)).isTrue();
    assertThat(found.accepts(trace + ".missing")).isFalse();
    try (EventSource src = found.open(trace, Map.of("strict", "true"))) {
      assertThat(src.next(new EventView())).isEqualTo(EventSource.EVENT);
      assertThat(src.name()).isEqualTo(trace);
    }
  }
}
