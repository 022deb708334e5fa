package dev.falco4j.output.sink;

import dev.falco4j.output.SinkConfigException;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where syslog messages go: a Unix socket path ({@code /dev/log}, {@code unix:///run/x.sock}), or
 * {@code udp://host:port} / {@code tcp://host:port} (port 514 by default).
 */
record SyslogAddress(Transport transport, String path, String host, int port) {

  enum Transport { UNIX, UDP, TCP }

  static SyslogAddress parse(String keyPath, String text) {
    String t = text.trim();
    if (t.startsWith("/")) {
      return new SyslogAddress(Transport.UNIX, t, null, 0);
    }
    try {
      URI uri = new URI(t);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme();
      switch (scheme) {
        case "unix":
          if (uri.getPath() == null || uri.getPath().isEmpty()) {
            break;
          }
          return new SyslogAddress(Transport.UNIX, uri.getPath(), null, 0);
        case "udp":
        case "tcp":
          if (uri.getHost() == null) {
            break;
          }
          return new SyslogAddress(
              scheme.equals("udp") ? Transport.UDP : Transport.TCP,
              null,
              uri.getHost(),
              uri.getPort() < 0 ? 514 : uri.getPort());
        default:
          break;
      }
    } catch (URISyntaxException e) {
      // reported below with the accepted forms
    }
    throw new SinkConfigException(
        keyPath + ": '" + text + "' is not a syslog address (a socket path such as /dev/log,"
            + " unix:///path, udp://host:port or tcp://host:port)");
  }

  @Override
  public String toString() {
    return transport == Transport.UNIX
        ? path
        : transport.name().toLowerCase(java.util.Locale.ROOT) + "://" + host + ":" + port;
  }
}
