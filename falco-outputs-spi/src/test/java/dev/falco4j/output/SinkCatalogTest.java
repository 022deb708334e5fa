package dev.falco4j.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SinkCatalogTest {
  @TempDir Path dir;

  /** A class loader seeing the built-ins plus a services file listing {@code classes}. */
  private ClassLoader withServices(String... classes) throws IOException {
    Path services = dir.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve("dev.falco4j.output.spi.OutputSinkProvider"),
        String.join("\n", classes) + "\n");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader());
  }

  @Test
  void findsEveryBuiltInByName() {
    SinkCatalog catalog = SinkCatalog.discover(getClass().getClassLoader());
    assertThat(catalog.names())
        .containsExactlyInAnyOrder("stdout", "stderr", "file", "syslog", "program", "http");
    for (String name : catalog.names()) {
      assertThat(catalog.provider(name).name()).isEqualTo(name);
    }
  }

  @Test
  void skipsBrokenProvidersAndKeepsTheRest() throws IOException {
    ClassLoader loader =
        withServices(
            "com.example.DoesNotExist",
            TestProviders.Broken.class.getName(),
            TestProviders.FutureApi.class.getName(),
            TestProviders.Memory.class.getName());
    SinkCatalog catalog = SinkCatalog.discover(loader);
    assertThat(catalog.names()).contains("memory", "file").doesNotContain("broken", "future");
  }

  @Test
  void duplicateNamesAreAnErrorNamingBothClasses() throws IOException {
    ClassLoader loader =
        withServices(TestProviders.Memory.class.getName(), TestProviders.OtherMemory.class.getName());
    assertThatThrownBy(() -> SinkCatalog.discover(loader))
        .isInstanceOf(SinkConfigException.class)
        .hasMessageContaining("'memory'")
        .hasMessageContaining(TestProviders.Memory.class.getName())
        .hasMessageContaining(TestProviders.OtherMemory.class.getName());
  }

  @Test
  void anExplicitChoiceWinsOverDiscovery() throws IOException {
    ClassLoader loader =
        withServices(TestProviders.Memory.class.getName(), TestProviders.OtherMemory.class.getName());
    SinkCatalog catalog =
        SinkCatalog.discover(loader, List.of(TestProviders.OtherMemory.class.getName()));
    assertThat(catalog.provider("memory")).isInstanceOf(TestProviders.OtherMemory.class);
  }

  @Test
  void aBrokenExplicitChoiceFailsLoudly() {
    assertThatThrownBy(
            () -> SinkCatalog.discover(getClass().getClassLoader(), List.of("com.example.Nope")))
        .isInstanceOf(SinkConfigException.class)
        .hasMessageContaining("output_providers")
        .hasMessageContaining("com.example.Nope");
    assertThatThrownBy(
            () -> SinkCatalog.discover(getClass().getClassLoader(), List.of("java.lang.String")))
        .isInstanceOf(SinkConfigException.class)
        .hasMessageContaining("does not implement");
  }

  @Test
  void createsTheEnabledSectionsOfFalcoYaml() throws IOException {
    SinkCatalog catalog = SinkCatalog.discover(withServices(TestProviders.Memory.class.getName()));
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("json_output", true);
    yaml.put("stdout_output", Map.of("enabled", false));
    yaml.put("memory_output", Map.of("enabled", true, "label", "x"));
    yaml.put("file_output", Map.of("enabled", "true", "filename", dir.resolve("a.txt").toString()));
    yaml.put("grpc_output", Map.of("enabled", false));
    List<OutputSink> sinks = catalog.createEnabled(yaml);
    assertThat(sinks).extracting(OutputSink::name).containsExactly("memory", "file");
    TestProviders.MemorySink memory = (TestProviders.MemorySink) sinks.get(0);
    assertThat(memory.config.settings().jsonOutput()).isTrue();
    assertThat(memory.config.section().path()).isEqualTo("memory_output");
  }

  @Test
  void configurationErrorsNameTheKey() {
    SinkCatalog catalog = SinkCatalog.discover(getClass().getClassLoader());
    assertThatThrownBy(
            () -> catalog.createEnabled(Map.of("file_output", Map.of("enabled", true))))
        .isInstanceOf(SinkConfigException.class)
        .hasMessage("file_output.filename: required, but missing or empty");
    assertThatThrownBy(
            () -> catalog.createEnabled(Map.of("grpc_output", Map.of("enabled", true))))
        .isInstanceOf(SinkConfigException.class)
        .hasMessageContaining("no output sink named 'grpc'")
        .hasMessageContaining("http");
    assertThatThrownBy(
            () -> catalog.createEnabled(
                Map.of("file_output", Map.of("enabled", true, "filename", "x", "keep_alive", "maybe"))))
        .hasMessage("file_output.keep_alive: expected true or false, got \"maybe\"");
    assertThatThrownBy(
            () -> catalog.createEnabled(
                Map.of("http_output", Map.of("enabled", true, "url", "ftp://x"))))
        .hasMessageContaining("http_output.url");
    assertThatThrownBy(
            () -> catalog.createEnabled(
                Map.of("syslog_output", Map.of("enabled", true, "facility", "nope"))))
        .hasMessageContaining("syslog_output.facility");
    assertThatThrownBy(
            () -> catalog.createEnabled(
                Map.of("syslog_output", Map.of("enabled", true, "address", "carrier-pigeon"))))
        .hasMessageContaining("syslog_output.address");
    assertThatThrownBy(() -> catalog.provider("kafka"))
        .hasMessageContaining("no output sink named 'kafka'");
  }

  @Test
  void outputsConfigReadsFalcoKeys() {
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("outputs_queue", Map.of("capacity", 0));
    yaml.put("output_timeout", 1500);
    yaml.put("json_output", "true");
    yaml.put("json_include_tags_property", false);
    yaml.put("time_format_iso_8601", true);
    OutputsConfig c = OutputsConfig.fromConfig(yaml);
    assertThat(c.queueCapacity()).isEqualTo(OutputsConfig.DEFAULT_CAPACITY);
    assertThat(c.outputTimeout().toMillis()).isEqualTo(1500);
    assertThat(c.floodGuardWindow()).isNull();
    assertThat(c.settings().jsonOutput()).isTrue();
    assertThat(c.settings().jsonIncludeTagsProperty()).isFalse();
    assertThat(c.settings().jsonIncludeOutputProperty()).isTrue();
    assertThat(c.settings().timeFormatIso8601()).isTrue();

    yaml.put("outputs_queue", Map.of("capacity", 64, "submit_timeout_ms", 5));
    yaml.put("output_flood_guard", Map.of("enabled", true, "window_ms", 250));
    c = OutputsConfig.fromConfig(yaml);
    assertThat(c.queueCapacity()).isEqualTo(64);
    assertThat(c.submitTimeout().toMillis()).isEqualTo(5);
    assertThat(c.floodGuardWindow().toMillis()).isEqualTo(250);

    assertThatThrownBy(() -> OutputsConfig.fromConfig(Map.of("outputs_queue", Map.of("capacity", -1))))
        .hasMessageContaining("outputs_queue.capacity");
    assertThatThrownBy(() -> OutputsConfig.fromConfig(Map.of("output_timeout", "soon")))
        .hasMessage("output_timeout: expected an integer, got \"soon\"");
    assertThatThrownBy(() -> OutputsConfig.fromConfig(Map.of("outputs_queue", List.of(1))))
        .hasMessageContaining("outputs_queue: expected a section");
  }
}
