package dev.falco4j.output.sink;

import static dev.falco4j.output.sink.SinkFixtures.JSON;
import static dev.falco4j.output.sink.SinkFixtures.create;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import dev.falco4j.output.SinkConfigException;
import dev.falco4j.output.testing.Alerts;
import dev.falco4j.output.testing.Prerequisites;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http sink over TLS with PEM files made by openssl: a private CA, a server certificate for
 * 127.0.0.1, a client certificate with its key in PKCS#8 and PKCS#1 form, and an EC key the sink
 * must refuse with advice.
 */
class HttpsSinkIT {
  @TempDir static Path pki;
  private HttpsServer server;
  private final AtomicInteger received = new AtomicInteger();

  private static void openssl(String... args) throws IOException, InterruptedException {
    Path openssl = Prerequisites.executable("openssl", "apt-get install openssl");
    List<String> cmd = new java.util.ArrayList<>();
    cmd.add(openssl.toString());
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).directory(pki.toFile()).redirectErrorStream(true)
        .redirectOutput(pki.resolve("openssl.log").toFile()).start();
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new AssertionError("openssl " + String.join(" ", args) + " failed: "
          + Files.readString(pki.resolve("openssl.log")));
    }
  }

  @BeforeAll
  static void makeCertificates() throws Exception {
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
        "-days", "2", "-subj", "/CN=falco4j test CA");
    Files.writeString(pki.resolve("server.ext"), "subjectAltName=IP:127.0.0.1\n");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
        "-subj", "/CN=127.0.0.1");
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "server.pem", "-days", "2", "-extfile", "server.ext");
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "client.key", "-out", "client.csr",
        "-subj", "/CN=falco4j client");
    openssl("x509", "-req", "-in", "client.csr", "-CA", "ca.pem", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", "client.pem", "-days", "2");
    openssl("rsa", "-in", "client.key", "-traditional", "-out", "client-rsa.key");
    openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", "client-ec.key");
    assertThat(Files.readString(pki.resolve("client.key"))).contains("BEGIN PRIVATE KEY");
    assertThat(Files.readString(pki.resolve("client-rsa.key"))).contains("BEGIN RSA PRIVATE KEY");
  }

  private String start(boolean needClientAuth) throws IOException {
    // The server's own context from the same PEM code: its certificate, and the CA for clients.
    SSLContext ctx = PemTls.build("server", List.of(pki.resolve("ca.pem")), null,
        pki.resolve("server.pem"), pki.resolve("server.key"), false);
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ctx) {
      @Override
      public void configure(HttpsParameters params) {
        SSLParameters p = ctx.getDefaultSSLParameters();
        p.setNeedClientAuth(needClientAuth);
        params.setSSLParameters(p);
      }
    });
    server.createContext("/", ex -> {
      try (InputStream in = ex.getRequestBody()) {
        in.readAllBytes();
      }
      received.incrementAndGet();
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    server.start();
    return "https://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static HttpSink sink(String url, Map<String, Object> extra) {
    Map<String, Object> section = new HashMap<>(extra);
    section.put("url", url);
    section.put("max_consecutive_timeouts", 0);
    return (HttpSink) create(new HttpSinkProvider(), section, JSON);
  }

  @Test
  void trustsTheServerThroughCaCertOrCaPath() throws Exception {
    String url = start(false);
    sink(url, Map.of("ca_cert", pki.resolve("ca.pem").toString())).deliver(Alerts.sample(1));
    Path dir = Files.createDirectories(pki.resolve("cas"));
    Files.copy(pki.resolve("ca.pem"), dir.resolve("ca.pem"));
    sink(url, Map.of("ca_path", dir.toString())).deliver(Alerts.sample(2));
    assertThat(received.get()).isEqualTo(2);
  }

  @Test
  void refusesAnUnknownServerUnlessInsecure() throws Exception {
    String url = start(false);
    assertThatThrownBy(() -> sink(url, Map.of()).deliver(Alerts.sample(1)))
        .isInstanceOf(IOException.class).hasMessageContaining(url);
    String byName = url.replace("127.0.0.1", "localhost"); // certificate is for the IP only
    assertThatThrownBy(() -> sink(byName, Map.of("ca_cert", pki.resolve("ca.pem").toString()))
            .deliver(Alerts.sample(1)))
        .isInstanceOf(IOException.class);
    sink(byName, Map.of("insecure", true)).deliver(Alerts.sample(2));
    assertThat(received.get()).isEqualTo(1);
  }

  @Test
  void mutualTlsWithPkcs8AndPkcs1Keys() throws Exception {
    String url = start(true);
    String ca = pki.resolve("ca.pem").toString();
    assertThatThrownBy(() -> sink(url, Map.of("ca_cert", ca)).deliver(Alerts.sample(1)))
        .isInstanceOf(IOException.class);
    for (String key : new String[] {"client.key", "client-rsa.key"}) {
      sink(url, Map.of("ca_cert", ca, "mtls", true,
              "client_cert", pki.resolve("client.pem").toString(),
              "client_key", pki.resolve(key).toString()))
          .deliver(Alerts.sample(2));
    }
    assertThat(received.get()).isEqualTo(2);
  }

  @Test
  void unusableTlsFilesAreConfigurationErrors() {
    assertThatThrownBy(() -> sink("https://127.0.0.1:1/", Map.of("mtls", true,
            "client_cert", pki.resolve("client.pem").toString(),
            "client_key", pki.resolve("client-ec.key").toString())))
        .isInstanceOf(SinkConfigException.class)
        .hasMessageContaining("http_output.client_key")
        .hasMessageContaining("openssl pkcs8 -topk8");
    assertThatThrownBy(() -> sink("https://127.0.0.1:1/", Map.of("mtls", true)))
        .isInstanceOf(SinkConfigException.class).hasMessageContaining("client_cert");
    assertThatThrownBy(() -> sink("https://127.0.0.1:1/",
            Map.of("ca_cert", pki.resolve("missing.pem").toString())))
        .isInstanceOf(SinkConfigException.class).hasMessageContaining("missing.pem");
    assertThatThrownBy(() -> sink("https://127.0.0.1:1/",
            Map.of("ca_cert", pki.resolve("server.ext").toString())))
        .isInstanceOf(SinkConfigException.class).hasMessageContaining("server.ext");
  }
}
