package dev.falco4j.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.testing.Prerequisites;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Java constants equal what the C compiler makes of {@code falco4j_abi.h}: the build compiles
 * {@code abi/abi_check.c}, which prints sizes and offsets; this test runs it and compares.
 */
class AbiConstantsTest {

  @Test
  void javaConstantsMatchTheCompiledHeader() throws Exception {
    String dir = System.getProperty("falco4j.native.build.dir", "target/native");
    Path check = Path.of(dir, "abi_check");
    Prerequisites.require(Files.isExecutable(check),
        "the native build (clang, gcc, libbpf-dev) produces " + check);
    Process p = new ProcessBuilder(check.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    Map<String, Long> values = new HashMap<>();
    for (String line : out.split("\n")) {
      String[] f = line.trim().split(" ");
      values.put(f[0], Long.parseLong(f[1]));
    }
    assertThat(values).containsEntry("schema_version", (long) AbiConstants.SCHEMA_VERSION);
    assertThat(values).containsEntry("event_header_size", (long) AbiConstants.EVENT_HEADER_SIZE);
    assertThat(values).containsEntry("batch_record_prefix", (long) AbiConstants.BATCH_RECORD_PREFIX);
    assertThat(values).containsEntry("max_event_size", (long) AbiConstants.MAX_EVENT_SIZE);
    assertThat(values).containsEntry("counters_fields", (long) AbiConstants.COUNTERS_FIELDS);
    assertThat(values).containsEntry("counters_size", 8L * AbiConstants.COUNTERS_FIELDS);
  }
}
