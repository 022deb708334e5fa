package dev.falco4j.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The default rules on recorded behaviour, no root needed: each {@link RuleCase}'s trace (recorded
 * live by {@link DefaultRulesLiveIT} with {@code falco -w}, cut to the behaviour's process tree) is
 * replayed with {@code falco -e} and must raise exactly its one alert, with the same output fields
 * as live; the benign look-alikes raise nothing.
 */
class DefaultRulesReplayTest {
  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(RuleCase.class)
  void recordedBehaviourRaisesExactlyItsAlert(RuleCase c) throws IOException {
    Path trace = dir.resolve(c.traceName());
    try (InputStream in = getClass().getResourceAsStream("/traces/default-rules/" + c.traceName())) {
      assertThat(in).as("recorded trace /traces/default-rules/%s (record with "
          + "-Dfalco4j.traces.update=true on DefaultRulesLiveIT)", c.traceName()).isNotNull();
      Files.copy(in, trace);
    }
    assertExpectedAlerts(c, FalcoReplay.replay(trace, dir));
  }

  /** Exactly the case's one alert (none for a benign case), with its output fields. */
  static void assertExpectedAlerts(RuleCase c, List<AlertRecord> alerts) {
    if (c.rule == null) {
      assertThat(alerts).as("alerts replaying the benign %s", c).isEmpty();
      return;
    }
    assertThat(alerts).as("alerts replaying %s", c).hasSize(1);
    assertThat(alerts.get(0).rule()).isEqualTo(c.rule);
    assertThat(alerts.get(0).fields()).containsAllEntriesOf(c.fields);
  }
}
