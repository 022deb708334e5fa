package dev.falco4j.examples.customsink;

import dev.falco4j.output.ConfigSection;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;
import dev.falco4j.output.format.JsonAlertFormat;
import dev.falco4j.output.spi.OutputSinkProvider;

/**
 * An output sink plugin: the {@code tcp_json} sink, configured in falco.yaml as
 *
 * <pre>
 * tcp_json_output:
 *   enabled: true
 *   host: 127.0.0.1
 *   port: 5170
 *   connect_timeout_ms: 2000   # optional
 * </pre>
 *
 * Alerts are always Falco JSON here (whatever {@code json_output} says), honouring {@code
 * json_include_output_property} and {@code json_include_tags_property}. It is registered in the
 * {@code META-INF/services} file of its own jar ({@code examples-<version>-customsink.jar}), not in
 * the {@code falco} jar: putting that jar on the class path is all it takes to make it available,
 * e.g. {@code java -cp falco.jar:examples-0.1.0-SNAPSHOT-customsink.jar
 * dev.falco4j.examples.cli.FalcoCommand ...} ({@code java -jar} ignores {@code -cp}).
 */
public final class TcpJsonSinkProvider implements OutputSinkProvider {

  /** For ServiceLoader. */
  public TcpJsonSinkProvider() {}

  @Override
  public String name() {
    return "tcp_json";
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public OutputSink create(SinkConfig config) {
    ConfigSection s = config.section();
    return new TcpJsonSink(
        name(),
        s.requireString("host"),
        (int) s.requireInteger("port", 1, 65535),
        (int) s.integer("connect_timeout_ms", 2000, 1, 600_000),
        new JsonAlertFormat(config.settings().withJsonOutput(true)));
  }
}
