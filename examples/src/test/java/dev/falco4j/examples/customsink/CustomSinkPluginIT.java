package dev.falco4j.examples.customsink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputDispatcher;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.OutputsConfig;
import dev.falco4j.output.Priority;
import dev.falco4j.output.SinkCatalog;
import dev.falco4j.output.SinkConfigException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The example plugin as a user would deploy it: its jar, built by the package phase, is put on a
 * class path and nothing else is done. The test class path itself holds the plugin's classes
 * (they are compiled in this module), so the plugin is loaded through a class loader that hides
 * them: everything then comes from the jar, registration included.
 */
class CustomSinkPluginIT {
  private static final String PACKAGE = "dev.falco4j.examples.customsink.";

  /** Parent that does not see the plugin's classes, so they must come from the jar. */
  static final class HidingPluginClasses extends ClassLoader {
    HidingPluginClasses(ClassLoader parent) {
      super(parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith(PACKAGE)) {
        throw new ClassNotFoundException(name + " (hidden: must come from the plugin jar)");
      }
      return super.loadClass(name, resolve);
    }
  }

  private static Path pluginJar() throws IOException {
    try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "*-customsink.jar")) {
      for (Path jar : jars) {
        return jar;
      }
    }
    throw new AssertionError("target/*-customsink.jar missing: run the package phase first");
  }

  @Test
  void thePluginJarIsSelfContainedAndTheFalcoJarDoesNotRegisterIt() throws IOException {
    String service = "META-INF/services/dev.falco4j.output.spi.OutputSinkProvider";
    try (JarFile jar = new JarFile(pluginJar().toFile())) {
      assertThat(jar.getEntry(service)).isNotNull();
      assertThat(new String(jar.getInputStream(jar.getEntry(service)).readAllBytes(),
          StandardCharsets.UTF_8).trim()).isEqualTo(TcpJsonSinkProvider.class.getName());
      assertThat(jar.getEntry("dev/falco4j/examples/customsink/TcpJsonSink.class")).isNotNull();
      assertThat(jar.getEntry("dev/falco4j/examples/cli/FalcoCommand.class")).isNull();
    }
    Path falcoJar = Path.of("target", "falco.jar");
    if (Files.exists(falcoJar)) {
      try (JarFile jar = new JarFile(falcoJar.toFile())) {
        var entry = jar.getEntry(service);
        String registered = entry == null ? ""
            : new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(registered).doesNotContain("customsink");
      }
    }
    // Without the jar, discovery does not find it.
    assertThat(SinkCatalog.discover(getClass().getClassLoader()).names()).doesNotContain("tcp_json");
  }

  @Test
  void foundByNameFromTheClassPathAloneAndDelivers() throws Exception {
    ClassLoader parent = new HidingPluginClasses(getClass().getClassLoader());
    try (URLClassLoader loader =
            new URLClassLoader(new URL[] {pluginJar().toUri().toURL()}, parent);
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      SinkCatalog catalog = SinkCatalog.discover(loader);
      assertThat(catalog.names()).contains("tcp_json", "stdout", "file");
      Class<?> providerClass = catalog.provider("tcp_json").getClass();
      assertThat(providerClass.getClassLoader()).isSameAs(loader);
      assertThat(providerClass.getProtectionDomain().getCodeSource().getLocation().getPath())
          .endsWith("-customsink.jar");

      Map<String, Object> yaml = Map.of(
          "json_include_tags_property", false,
          "json_include_message_property", true,
          "tcp_json_output", Map.of("enabled", true, "host", "127.0.0.1",
              "port", server.getLocalPort()));
      List<OutputSink> sinks = catalog.createEnabled(yaml);
      assertThat(sinks).extracting(OutputSink::name).containsExactly("tcp_json");
      OutputDispatcher outputs =
          OutputDispatcher.builder().config(OutputsConfig.fromConfig(yaml)).sinks(sinks).build();
      for (int i = 0; i < 3; i++) {
        outputs.submit(Alert.builder().epochNanos(1_000_000_000L * i + 7).rule("Custom rule")
            .priority(Priority.NOTICE).output("n=" + i + " evil=\n{\"x\":1}")
            .outputFields(Map.of("evt.num", (long) i)).tags(List.of("t")).hostname("h").build());
      }
      List<JsonNode> got = new ArrayList<>();
      server.setSoTimeout(10_000);
      try (Socket client = server.accept();
          BufferedReader in = new BufferedReader(
              new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8))) {
        client.setSoTimeout(10_000);
        for (int i = 0; i < 3; i++) {
          got.add(new ObjectMapper().readTree(in.readLine()));
        }
        outputs.close();
      }
      assertThat(got).extracting(n -> n.get("output_fields").get("evt.num").asLong())
          .containsExactly(0L, 1L, 2L);
      assertThat(got.get(1).get("time").asText()).isEqualTo("1970-01-01T00:00:01.000000007Z");
      assertThat(got.get(2).get("message").asText()).isEqualTo("n=2 evil=\n{\"x\":1}");
      assertThat(got.get(2).get("output").asText()).endsWith(": Notice n=2 evil=\n{\"x\":1}");
      assertThat(got.get(0).has("tags")).isFalse();
      assertThat(outputs.stats().sink("tcp_json").delivered()).isEqualTo(3);
    }
  }

  @Test
  void itsConfigurationErrorsNameTheKey() throws Exception {
    try (URLClassLoader loader = new URLClassLoader(new URL[] {pluginJar().toUri().toURL()},
        new HidingPluginClasses(getClass().getClassLoader()))) {
      SinkCatalog catalog = SinkCatalog.discover(loader);
      assertThatThrownBy(() -> catalog.createEnabled(
              Map.of("tcp_json_output", Map.of("enabled", true, "host", "localhost"))))
          .isInstanceOf(SinkConfigException.class)
          .hasMessage("tcp_json_output.port: required, but missing");
    }
  }
}
