package dev.falco4j.core.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Locates {@code ../shared} (spec, traces, upstream rules) for tests. The parent POM passes its
 * location as the system property {@code falco4j.shared.dir}; without it, or when it does not exist,
 * tests fail with a message saying so rather than skipping.
 */
public final class SharedFiles {

  /** The system property the parent POM sets. */
  public static final String PROPERTY = "falco4j.shared.dir";

  private SharedFiles() {}

  /** The shared directory, checked to exist. */
  public static Path root() {
    String configured = System.getProperty(PROPERTY);
    if (configured == null || configured.isBlank()) {
      throw new IllegalStateException(
          "system property " + PROPERTY + " is not set; run the tests through Maven (the parent POM"
              + " sets it) or pass -D" + PROPERTY + "=/path/to/shared");
    }
    Path root = Path.of(configured).toAbsolutePath().normalize();
    if (!Files.isDirectory(root.resolve("spec"))) {
      throw new IllegalStateException(
          PROPERTY + "=" + root + " does not hold spec/; point it at the shared directory"
              + " (with spec/, traces/ and rules-upstream/)");
    }
    return root;
  }

  /** A file under the shared directory, checked to exist. */
  public static Path resolve(String relative) {
    Path path = root().resolve(relative);
    if (!Files.exists(path)) {
      throw new IllegalStateException("missing shared file: " + path);
    }
    return path;
  }

  /** The {@code spec/} directory. */
  public static Path spec() {
    return resolve("spec");
  }

  /** The upstream Falco rules file, used only as compatibility test input. */
  public static Path upstreamRules() {
    return resolve("rules-upstream/falco_rules.yaml");
  }

  /** Every {@code .scap} trace directly under {@code traces/}, sorted by name. */
  public static List<Path> traces() {
    try (Stream<Path> files = Files.list(resolve("traces"))) {
      return files.filter(p -> p.getFileName().toString().endsWith(".scap")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
