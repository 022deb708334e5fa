package dev.falco4j.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedFilesTest {

  @Test
  void findsTheSpecTracesAndUpstreamRules() {
    assertThat(SharedFiles.spec().resolve("event-table.tsv")).exists();
    assertThat(SharedFiles.traces()).isNotEmpty().allMatch(p -> p.toString().endsWith(".scap"));
    assertThat(SharedFiles.upstreamRules()).exists();
  }
}
