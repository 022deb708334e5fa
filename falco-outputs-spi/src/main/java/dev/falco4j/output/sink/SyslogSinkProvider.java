package dev.falco4j.output.sink;

import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;
import dev.falco4j.output.format.AlertFormat;
import dev.falco4j.output.spi.OutputSinkProvider;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The {@code syslog} sink: {@code syslog_output: {enabled: true}}. Falco4J adds {@code address}
 * (default {@code /dev/log}; or {@code udp://host:port}, {@code tcp://host:port}), {@code facility}
 * (default {@code user}, as Falco) and {@code ident} (default {@code falco}).
 */
public final class SyslogSinkProvider implements OutputSinkProvider {

  /** For ServiceLoader. */
  public SyslogSinkProvider() {}

  @Override
  public String name() {
    return "syslog";
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public OutputSink create(SinkConfig config) {
    var section = config.section();
    return new SyslogSink(
        name(),
        SyslogAddress.parse(section.keyPath("address"), section.string("address", "/dev/log")),
        SyslogFacility.parse(section.keyPath("facility"), section.string("facility", "user")),
        section.string("ident", "falco"),
        localHostName(),
        AlertFormat.forSettings(config.settings()));
  }

  private static String localHostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "localhost";
    }
  }
}
