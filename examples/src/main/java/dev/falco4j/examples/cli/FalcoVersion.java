package dev.falco4j.examples.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version printed by {@code falco --version}, stamped into a resource at build time. */
public final class FalcoVersion {

  private FalcoVersion() {}

  /** Returns the Falco4J version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String current() {
    try (InputStream in = FalcoVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the build's version.properties", e);
    }
  }

  /** What {@code falco --version} prints: the Falco4J version, then the Java runtime. */
  static String[] lines() {
    return new String[] {
      "Falco4J version: " + current(),
      "Java: " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
    };
  }
}
