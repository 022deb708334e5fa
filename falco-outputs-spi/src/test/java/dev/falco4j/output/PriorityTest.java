package dev.falco4j.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PriorityTest {

  @Test
  void parsesFalcoNamesInAnyCase() {
    assertThat(Priority.parse("Emergency")).isEqualTo(Priority.EMERGENCY);
    assertThat(Priority.parse("WARNING")).isEqualTo(Priority.WARNING);
    assertThat(Priority.parse(" notice ")).isEqualTo(Priority.NOTICE);
    assertThat(Priority.parse("debug")).isEqualTo(Priority.DEBUG);
  }

  @Test
  void infoAndInformationalAreTheSame() {
    assertThat(Priority.parse("Info")).isEqualTo(Priority.INFORMATIONAL);
    assertThat(Priority.parse("informational")).isEqualTo(Priority.INFORMATIONAL);
    assertThat(Priority.INFORMATIONAL.falcoName()).isEqualTo("Informational");
  }

  @Test
  void severitiesAreSyslogs() {
    assertThat(Priority.EMERGENCY.syslogSeverity()).isZero();
    assertThat(Priority.WARNING.syslogSeverity()).isEqualTo(4);
    assertThat(Priority.DEBUG.syslogSeverity()).isEqualTo(7);
    assertThat(Priority.fromSyslogSeverity(3)).isEqualTo(Priority.ERROR);
    assertThat(Priority.CRITICAL.isAtLeast(Priority.WARNING)).isTrue();
    assertThat(Priority.NOTICE.isAtLeast(Priority.WARNING)).isFalse();
  }

  @Test
  void unknownNamesAreRejectedWithTheChoices() {
    assertThatThrownBy(() -> Priority.parse("severe"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'severe'")
        .hasMessageContaining("informational (or info)");
    assertThatThrownBy(() -> Priority.parse(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Priority.fromSyslogSeverity(8))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
