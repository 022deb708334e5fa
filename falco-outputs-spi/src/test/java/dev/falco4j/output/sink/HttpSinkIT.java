package dev.falco4j.output.sink;

import static dev.falco4j.output.sink.SinkFixtures.JSON;
import static dev.falco4j.output.sink.SinkFixtures.TEXT;
import static dev.falco4j.output.sink.SinkFixtures.create;
import static dev.falco4j.output.sink.SinkFixtures.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputDispatcher;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkStats;
import dev.falco4j.output.testing.Alerts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The http sink against JDK HTTP servers on loopback: healthy, failing with 500s, and hung. */
class HttpSinkIT {
  /** What the server saw of one request. */
  record Request(
      String method, String path, Map<String, String> headers, byte[] body, int clientPort) {}

  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final CountDownLatch hangRelease = new CountDownLatch(1);
  private volatile int failStatus = 500;
  private HttpServer server;
  private ExecutorService pool;

  private String start(String mode) throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    pool = Executors.newCachedThreadPool();
    server.setExecutor(pool);
    server.createContext("/alerts", exchange -> handle(mode, exchange));
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
  }

  private void handle(String mode, HttpExchange ex) throws IOException {
    Map<String, String> headers = new HashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    byte[] body;
    try (InputStream in = ex.getRequestBody()) {
      body = in.readAllBytes();
    }
    requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getPath(), headers, body,
        ex.getRemoteAddress().getPort()));
    if (mode.equals("hang")) {
      try {
        hangRelease.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      ex.close();
      return;
    }
    int status = failuresLeft.getAndDecrement() > 0 ? failStatus : 200;
    byte[] answer = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
    ex.sendResponseHeaders(status, answer.length);
    try (var out = ex.getResponseBody()) {
      out.write(answer);
    }
  }

  @AfterEach
  void stop() {
    hangRelease.countDown();
    if (server != null) {
      server.stop(0);
      pool.shutdownNow();
    }
  }

  private static HttpSink sink(Map<String, Object> section, dev.falco4j.output.OutputSettings s) {
    return (HttpSink) create(new HttpSinkProvider(), section, s);
  }

  @Test
  void postsFalcoJsonWithTheConfiguredHeaders() throws Exception {
    String url = start("ok");
    HttpSink sink = sink(Map.of("url", url, "user_agent", "falco4j-test/1"), JSON);
    sink.open();
    sink.deliver(Alerts.sample(5));
    sink.close();
    assertThat(requests).hasSize(1);
    Request r = requests.get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/alerts");
    assertThat(r.headers()).containsEntry("content-type", "application/json")
        .containsEntry("user-agent", "falco4j-test/1").doesNotContainKey("content-encoding");
    JsonNode n = new ObjectMapper().readTree(r.body());
    assertThat(n.get("rule").asText()).isEqualTo("Terminal shell");
    assertThat(n.get("priority").asText()).isEqualTo("Warning");
    assertThat(n.get("time").asText()).isEqualTo("2026-11-28T01:02:03.000000047Z");
    assertThat(n.get("output_fields").get("proc.pid").asLong()).isEqualTo(1005);
  }

  @Test
  void compressesAndClosesConnectionsWhenAsked() throws Exception {
    String url = start("ok");
    HttpSink sink = sink(Map.of("url", url, "compress_uploads", true, "keep_alive", false), TEXT);
    sink.deliver(Alerts.sample(1));
    Request r = requests.get(0);
    assertThat(r.headers()).containsEntry("content-encoding", "gzip")
        .containsEntry("content-type", "text/plain").containsEntry("connection", "close")
        .containsEntry("user-agent", "falcosecurity/falco");
    String text;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(r.body()))) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(text).isEqualTo("01:02:03.000000043: Warning "
        + "A shell was spawned (proc.name=bash proc.pid=1001 n=1)");
  }

  @Test
  void keepAliveReusesOneConnectionAndItsAbsenceDoesNot() throws Exception {
    String url = start("ok");
    HttpSink keep = sink(Map.of("url", url), JSON);
    for (int i = 0; i < 3; i++) {
      keep.deliver(Alerts.sample(i));
    }
    assertThat(requests).extracting(Request::clientPort).containsOnly(requests.get(0).clientPort());
    requests.clear();
    HttpSink once = sink(Map.of("url", url, "keep_alive", false), JSON);
    for (int i = 0; i < 3; i++) {
      once.deliver(Alerts.sample(i));
    }
    assertThat(requests).extracting(Request::clientPort).doesNotHaveDuplicates();
  }

  @Test
  void retriesServerErrorsWithBackoffUntilTheyPass() throws Exception {
    String url = start("ok");
    failuresLeft.set(2);
    HttpSink sink = sink(Map.of("url", url, "max_consecutive_timeouts", 3,
        "retry_backoff_ms", 50), JSON);
    long t0 = System.nanoTime();
    sink.deliver(Alerts.sample(1));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(requests).hasSize(3);
    assertThat(sink.attempts()).isEqualTo(3);
    assertThat(millis).as("backoff 50 + 100 ms").isGreaterThanOrEqualTo(150);
    assertThat(sink.health().healthy()).isTrue();
  }

  @Test
  void givesUpAfterTheRetriesAndDoesNotRetryClientErrors() throws Exception {
    String url = start("ok");
    failuresLeft.set(100);
    HttpSink sink = sink(Map.of("url", url, "max_consecutive_timeouts", 2,
        "retry_backoff_ms", 10), JSON);
    assertThatThrownBy(() -> sink.deliver(Alerts.sample(1))).isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 500").hasMessageContaining(url);
    assertThat(requests).hasSize(3);
    assertThat(sink.health().healthy()).isFalse();

    requests.clear();
    failStatus = 404;
    assertThatThrownBy(() -> sink.deliver(Alerts.sample(2))).hasMessageContaining("HTTP 404");
    assertThat(requests).hasSize(1);
  }

  @Test
  void aHungServerTimesOutRetriesAndNeverBlocksDetection() throws Exception {
    String url = start("hang");
    HttpSink http = sink(Map.of("url", url, "timeout_ms", 200, "max_consecutive_timeouts", 1,
        "retry_backoff_ms", 10), JSON);
    MemorySink other = new MemorySink();
    OutputDispatcher d = OutputDispatcher.builder().sink(http).sink(other).capacity(100)
        .outputTimeout(Duration.ofMillis(100)).build();
    long worst = 0;
    for (int i = 0; i < 200; i++) {
      long t0 = System.nanoTime();
      d.submit(Alerts.sample(i));
      worst = Math.max(worst, System.nanoTime() - t0);
      if (i % 50 == 49) {
        int done = i + 1; // let the healthy sink keep up: only the hung one may drop
        waitFor("the healthy sink", () -> other.got.size() == done);
      }
    }
    // The other sink got everything while http was stuck on its first alert.
    waitFor("the healthy sink", () -> other.got.size() == 200);
    assertThat(worst / 1_000_000).as("slowest submit, ms").isLessThan(100);
    // The first alert was tried twice (one retry), each attempt timing out.
    waitFor("two timed-out attempts", () -> requests.size() >= 2);
    waitFor("a failure", () -> d.stats().sink("http").failed() >= 1);
    d.close(Duration.ofMillis(200));
    SinkStats s = d.stats().sink("http");
    assertThat(s.dropped()).isPositive();
    assertThat(s.delivered() + s.failed() + s.dropped()).isEqualTo(200);
    assertThat(s.blockedEpisodes()).isPositive();
    assertThat(d.stats().sink("memory").delivered()).isEqualTo(200);
  }

  @Test
  void anUnreachableEndpointIsAFailureNamingTheUrl() {
    HttpSink sink = sink(Map.of("url", "http://127.0.0.1:1/x", "max_consecutive_timeouts", 0), JSON);
    assertThatThrownBy(() -> sink.deliver(Alerts.sample(0))).isInstanceOf(IOException.class)
        .hasMessageContaining("http://127.0.0.1:1/x");
  }

  /** A sink that keeps alerts in memory. */
  static final class MemorySink implements OutputSink {
    final List<Alert> got = new CopyOnWriteArrayList<>();

    @Override
    public String name() {
      return "memory";
    }

    @Override
    public void open() {}

    @Override
    public void deliver(Alert alert) {
      got.add(alert);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }
}
