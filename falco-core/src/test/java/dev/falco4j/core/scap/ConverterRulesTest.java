package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.testing.SharedFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The converter table: generated from the spec, parsed, looked up, bad rows refused. */
class ConverterRulesTest {

  @Test
  void committedSourceIsUpToDateWithTheSpec() throws Exception {
    String fresh = ConverterTableGenerator.generate(SharedFiles.spec());
    Path committed = Path.of("src/main/java/dev/falco4j/core/scap")
        .resolve(ConverterTableGenerator.FILE_NAME);
    assertThat(Files.readString(committed, StandardCharsets.UTF_8))
        .as("LibscapConverterData.java is stale: rerun ConverterTableGenerator (see its Javadoc)")
        .isEqualTo(fresh);
  }

  @Test
  void holdsEveryRowOfTheSpec() {
    ConverterRules rules = ConverterRules.libscap();
    assertThat(rules.rules()).hasSize(253); // scap-format.md §15
    ConverterRules.Rule close = rules.find(EventType.CLOSE_X, 1);
    assertThat(close.action()).isEqualTo(ConverterRules.Action.ADD_PARAMS);
    assertThat(close.instructions())
        .containsExactly(new ConverterRules.Instruction(ConverterRules.Source.ENTER, 0, false));
    ConverterRules.Rule dup = rules.find(125, 1);
    assertThat(dup.action()).isEqualTo(ConverterRules.Action.CHANGE_TYPE);
    assertThat(dup.desiredId()).isEqualTo(EventType.DUP_1_X);
    assertThat(dup.instructions()).containsExactly(
        new ConverterRules.Instruction(ConverterRules.Source.OLD, 0, false),
        new ConverterRules.Instruction(ConverterRules.Source.ENTER, 0, true));
    assertThat(rules.find(EventType.CLOSE_X, 2)).isNull(); // today's layout needs no rule
    assertThat(rules.find(-1, 0)).isNull();
  }

  @Test
  void instructionsParse() {
    assertThat(ConverterRules.parseInstructions("")).isEmpty();
    assertThat(ConverterRules.parseInstructions("OLD:0;EMPTY:0;DEFAULT:0;ENTER:3:EMPTY_FALLBACK;"
        + "CALLBACK:0:EMPTY_FALLBACK:extract_json")).containsExactly(
        new ConverterRules.Instruction(ConverterRules.Source.OLD, 0, false),
        new ConverterRules.Instruction(ConverterRules.Source.EMPTY, 0, false),
        new ConverterRules.Instruction(ConverterRules.Source.DEFAULT, 0, false),
        new ConverterRules.Instruction(ConverterRules.Source.ENTER, 3, true),
        new ConverterRules.Instruction(ConverterRules.Source.CALLBACK, 0, true));
  }

  @Test
  void malformedInstructionsNameTheEntry() {
    assertThatThrownBy(() -> ConverterRules.parseInstructions("OLD:0;SIDEWAYS:1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'SIDEWAYS:1'");
    assertThatThrownBy(() -> ConverterRules.parseInstructions("OLD"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'OLD'").hasMessageContaining("expected SOURCE:index");
    assertThatThrownBy(() -> ConverterRules.parseInstructions("ENTER:x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'ENTER:x'");
    assertThatThrownBy(() -> ConverterRules.parseInstructions("ENTER:-1"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative index");
    ConverterRules.Loader l = new ConverterRules.Loader();
    assertThatThrownBy(() -> l.rule(5, 1, "FOLD", -1, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void twoRulesForOneKeyAreRefused() {
    ConverterRules.Rule a = new ConverterRules.Rule(5, 1, ConverterRules.Action.PASS, -1, List.of());
    assertThatThrownBy(() -> ConverterRules.of(List.of(a, a)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("two rules for event 5 with 1 params");
  }
}
