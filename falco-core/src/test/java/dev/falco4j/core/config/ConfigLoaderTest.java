package dev.falco4j.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  private final ConfigLoader loader = ConfigLoader.withEnvironment(Map.of("HOME", "/home/me"));

  @Test
  void bundledDefaultsHaveFalcosKeys() throws ConfigException {
    FalcoConfig c = loader.defaults();
    assertThat(c.string("priority", null)).isEqualTo("debug");
    assertThat(c.string("rule_matching", null)).isEqualTo("first");
    assertThat(c.bool("json_output", true)).isFalse();
    assertThat(c.bool("json_include_output_property", false)).isTrue();
    assertThat(c.bool("stdout_output.enabled", false)).isTrue();
    assertThat(c.string("engine.kind", null)).isEqualTo("modern_ebpf");
    assertThat(c.stringList("rules_files")).isEmpty();
  }

  @Test
  void fileKeysReplaceDefaultsAndMapsMerge(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("falco.yaml");
    Files.writeString(f, "json_output: true\nfile_output:\n  enabled: true\nrules_files: [/a.yaml]\n");
    FalcoConfig c = loader.load(f, List.of());
    assertThat(c.bool("json_output", false)).isTrue();
    assertThat(c.bool("file_output.enabled", false)).isTrue();
    assertThat(c.string("file_output.filename", null)).isEqualTo("./events.txt");
    assertThat(c.stringList("rules_files")).containsExactly("/a.yaml");
  }

  @Test
  void dottedOverridesSetScalarsListsAndIndexes() throws Exception {
    FalcoConfig c = loader.load(null, List.of(
        "json_output=true",
        "outputs_queue.capacity=42",
        "rules_files[]=/one.yaml",
        "rules_files[]=/two.yaml",
        "rules_files[0]=/zero.yaml",
        "engine.kind=replay",
        "replay.capture_file=/t.scap",
        "rules=[{disable: {rule: '*'}}, {enable: {tag: network}}]",
        "new.deep.key=${HOME}/x"));
    assertThat(c.bool("json_output", false)).isTrue();
    assertThat(c.integer("outputs_queue.capacity", 0)).isEqualTo(42);
    assertThat(c.stringList("rules_files")).containsExactly("/zero.yaml", "/two.yaml");
    assertThat(c.string("engine.kind", null)).isEqualTo("replay");
    assertThat(c.string("replay.capture_file", null)).isEqualTo("/t.scap");
    assertThat(c.list("rules")).hasSize(2);
    assertThat(c.get("rules[1].enable.tag")).isEqualTo("network");
    assertThat(c.string("new.deep.key", null)).isEqualTo("/home/me/x");
  }

  @Test
  void environmentVariablesExpandInFiles() throws ConfigException {
    FalcoConfig c = loader.parse("t.yaml", "a: \"${HOME}/f\"\nb: \"$${HOME}\"\nc: \"${NOPE}\"\n");
    assertThat(c.string("a", null)).isEqualTo("/home/me/f");
    assertThat(c.string("b", null)).isEqualTo("${HOME}");
    assertThat(c.string("c", null)).isEmpty();
  }

  @Test
  void errorsNameTheProblem(@TempDir Path dir) throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, "a: 1\nb: [unclosed\n");
    assertThatThrownBy(() -> loader.load(bad, List.of()))
        .isInstanceOf(ConfigException.class).hasMessageStartingWith(bad + ":").hasMessageContaining("invalid YAML");
    assertThatThrownBy(() -> loader.load(dir.resolve("none.yaml"), List.of()))
        .hasMessageContaining("configuration file not found");
    assertThatThrownBy(() -> loader.load(null, List.of("novalue")))
        .hasMessageContaining("expected key=value");
    assertThatThrownBy(() -> loader.load(null, List.of("a[x]=1")))
        .hasMessageContaining("is not a number");
    assertThatThrownBy(() -> loader.load(null, List.of("json_output=maybe")).bool("json_output", false))
        .hasMessageContaining("must be a boolean");
    Path list = dir.resolve("list.yaml");
    assertThatThrownBy(() -> {
      Files.writeString(list, "- a\n- b\n");
      loader.load(list, List.of());
    }).hasMessageContaining("must be a YAML mapping");
  }
}
