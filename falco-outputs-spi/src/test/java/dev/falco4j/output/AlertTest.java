package dev.falco4j.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.output.testing.Alerts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertTest {

  @Test
  void keepsNanosecondsAndFieldOrder() {
    Alert a = Alerts.sample(0);
    assertThat(a.time()).isEqualTo(Instant.ofEpochSecond(1_795_827_723L, 42));
    assertThat(a.outputFields().keySet()).containsExactly("proc.name", "proc.pid", "fd.name");
    assertThat(a.outputFields().get("fd.name")).isNull();
    assertThat(a.count()).isEqualTo(1);
  }

  @Test
  void isImmutableEvenIfTheCallerKeepsMutating() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("a", "1");
    List<String> tags = new ArrayList<>(List.of("t1", "t1", "t2"));
    Alert a =
        Alert.builder().rule("r").priority(Priority.NOTICE).output("o").outputFields(fields)
            .tags(tags).build();
    fields.put("b", "2");
    tags.add("t3");
    assertThat(a.outputFields()).containsOnlyKeys("a");
    assertThat(a.tags()).containsExactly("t1", "t2");
    assertThatThrownBy(() -> a.outputFields().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void normalisesNumericTypesAndRejectsOthers() {
    Map<String, Object> fields = new HashMap<>();
    fields.put("s", (short) 3);
    fields.put("f", 1.5f);
    fields.put("l", List.of("x", 2L));
    Alert a = Alert.builder().rule("r").priority(Priority.NOTICE).output("o").outputFields(fields)
        .build();
    assertThat(a.outputFields().get("s")).isEqualTo(3);
    assertThat(a.outputFields().get("f")).isEqualTo(1.5d);
    assertThat(a.outputFields().get("l")).isEqualTo(List.of("x", 2L));

    Map<String, Object> bad = Map.of("when", new Object());
    assertThatThrownBy(
            () -> Alert.builder().rule("r").priority(Priority.NOTICE).output("o").outputFields(bad)
                .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'when'");
  }

  @Test
  void requiresRulePriorityOutputAndAPositiveCount() {
    assertThatThrownBy(() -> Alert.builder().priority(Priority.NOTICE).output("o").build())
        .isInstanceOf(NullPointerException.class).hasMessage("rule");
    assertThatThrownBy(() -> Alert.builder().rule("r").output("o").build())
        .isInstanceOf(NullPointerException.class).hasMessage("priority");
    assertThatThrownBy(() -> Alerts.sample(1).withCount(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Alerts.sample(1).withCount(5).count()).isEqualTo(5);
  }

  @Test
  void builderTakesAnInstant() {
    Alert a = Alert.builder().rule("r").priority(Priority.DEBUG).output("o")
        .time(Instant.parse("1970-01-01T00:00:01.5Z")).build();
    assertThat(a.epochNanos()).isEqualTo(1_500_000_000L);
    assertThat(a.source()).isEqualTo("syscall");
  }
}
