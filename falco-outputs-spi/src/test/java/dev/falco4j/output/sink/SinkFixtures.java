package dev.falco4j.output.sink;

import dev.falco4j.output.OutputSettings;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;
import dev.falco4j.output.spi.OutputSinkProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Shared helpers of the sink tests. */
final class SinkFixtures {
  private SinkFixtures() {}

  static final OutputSettings TEXT = OutputSettings.DEFAULTS.withZone(ZoneOffset.UTC);
  static final OutputSettings JSON = TEXT.withJsonOutput(true);

  static OutputSink create(OutputSinkProvider p, Map<String, ?> section, OutputSettings s) {
    return p.create(SinkConfig.of(p.name(), section, s));
  }

  static List<String> lines(Path file) throws IOException {
    return Files.exists(file) ? Files.readAllLines(file) : List.of();
  }

  static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("command failed: " + String.join(" ", command));
    }
  }

  static void waitFor(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  static List<String> linesQuietly(Path file) {
    try {
      return lines(file);
    } catch (IOException e) {
      return List.of();
    }
  }
}
