package dev.falco4j.core.engine;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host name Falco puts in alerts: {@code FALCO_HOSTNAME}, else the system's host name. */
final class HostName {
  private HostName() {}

  static String detect() {
    String env = System.getenv("FALCO_HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    try {
      String etc = Files.readString(Path.of("/etc/hostname")).strip();
      if (!etc.isEmpty()) {
        return etc;
      }
    } catch (IOException | SecurityException e) {
      // fall through to the resolver's view of this host
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
