package dev.falco4j.output.sink;

import dev.falco4j.output.ConfigSection;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;
import dev.falco4j.output.SinkConfigException;
import dev.falco4j.output.format.AlertFormat;
import dev.falco4j.output.spi.OutputSinkProvider;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code http} sink, configured by Falco's {@code http_output} keys: {@code url} (required),
 * {@code user_agent} (default {@code falcosecurity/falco}), {@code insecure}, {@code ca_cert},
 * {@code ca_bundle}, {@code ca_path}, {@code mtls} / {@code client_cert} / {@code client_key},
 * {@code compress_uploads}, {@code keep_alive} (default true), {@code echo}, {@code
 * max_consecutive_timeouts} (retries, default 5). Falco4J adds {@code timeout_ms} (connect and read
 * timeout per attempt, default 5000) and {@code retry_backoff_ms} (first retry delay, default 100).
 *
 * <p>{@code ca_path} is used only when given explicitly; without CA options the JDK's trust store
 * applies (Falco's default {@code /etc/ssl/certs} holds the same system CAs).
 */
public final class HttpSinkProvider implements OutputSinkProvider {

  /** For ServiceLoader. */
  public HttpSinkProvider() {}

  @Override
  public String name() {
    return "http";
  }

  @Override
  public String apiVersion() {
    return API_VERSION;
  }

  @Override
  public OutputSink create(SinkConfig config) {
    ConfigSection s = config.section();
    String text = s.requireString("url");
    URL url;
    try {
      URI uri = new URI(text);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
        throw new SinkConfigException(s.keyPath("url") + ": '" + text + "' is not an http(s) URL");
      }
      url = uri.toURL();
    } catch (URISyntaxException | MalformedURLException | IllegalArgumentException e) {
      throw new SinkConfigException(s.keyPath("url") + ": '" + text + "' is not a URL", e);
    }
    boolean insecure = s.bool("insecure", false);
    List<Path> caFiles = new ArrayList<>();
    if (s.has("ca_cert")) {
      caFiles.add(Path.of(s.string("ca_cert", null)));
    }
    if (s.has("ca_bundle")) {
      caFiles.add(Path.of(s.string("ca_bundle", null)));
    }
    Path caDir = s.has("ca_path") ? Path.of(s.string("ca_path", null)) : null;
    boolean mtls = s.bool("mtls", false);
    Path clientCert = s.has("client_cert") ? Path.of(s.string("client_cert", null)) : null;
    Path clientKey = s.has("client_key") ? Path.of(s.string("client_key", null)) : null;
    if (mtls && clientCert == null) {
      throw new SinkConfigException(s.keyPath("client_cert") + ": required when mtls is true");
    }
    return new HttpSink(
        name(),
        url,
        s.string("user_agent", "falcosecurity/falco"),
        config.settings().jsonOutput(),
        AlertFormat.forSettings(config.settings()),
        s.bool("compress_uploads", false),
        s.bool("keep_alive", true),
        s.bool("echo", false),
        (int) s.integer("max_consecutive_timeouts", 5, 0, 1000),
        s.millis("retry_backoff_ms", Duration.ofMillis(100)),
        s.millis("timeout_ms", Duration.ofSeconds(5)),
        PemTls.build(s.path(), caFiles, caDir, clientCert, clientKey, insecure),
        insecure);
  }
}
