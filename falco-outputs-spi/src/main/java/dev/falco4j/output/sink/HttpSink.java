package dev.falco4j.output.sink;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkHealth;
import dev.falco4j.output.format.AlertFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * POSTs each alert to an HTTP(S) endpoint, as Falco's {@code http_output}: body is the alert (JSON
 * with {@code json_output}, Content-Type {@code application/json}; text otherwise), {@code
 * User-Agent} as configured, optional gzip ({@code compress_uploads}), persistent connections
 * unless {@code keep_alive: false}.
 *
 * <p>A timeout, a connection error, a 5xx or a 429 is retried with exponential backoff (initial
 * {@code retry_backoff_ms}, doubling, at most 5 s) up to {@code max_consecutive_timeouts} times;
 * other 4xx answers are not retried. All of it happens on this sink's worker: detection and the
 * other sinks never wait for it.
 */
final class HttpSink implements OutputSink {
  private static final Logger LOG = LoggerFactory.getLogger(HttpSink.class);
  private static final long MAX_BACKOFF_MILLIS = 5000;

  private final String name;
  private final URL url;
  private final String userAgent;
  private final boolean json;
  private final AlertFormat format;
  private final boolean compress;
  private final boolean keepAlive;
  private final boolean echo;
  private final int retries;
  private final Duration backoff;
  private final Duration timeout;
  // One factory for the sink's life: the JDK reuses a kept-alive HTTPS connection only for the
  // same factory instance, and SSLContext hands out a new one per call.
  private final SSLSocketFactory tls;
  private final boolean insecure;
  private volatile SinkHealth health = SinkHealth.OK;
  private long attempts;

  HttpSink(
      String name,
      URL url,
      String userAgent,
      boolean json,
      AlertFormat format,
      boolean compress,
      boolean keepAlive,
      boolean echo,
      int retries,
      Duration backoff,
      Duration timeout,
      SSLContext tls,
      boolean insecure) {
    this.name = name;
    this.url = url;
    this.userAgent = userAgent;
    this.json = json;
    this.format = format;
    this.compress = compress;
    this.keepAlive = keepAlive;
    this.echo = echo;
    this.retries = retries;
    this.backoff = backoff;
    this.timeout = timeout;
    this.tls = tls == null ? null : tls.getSocketFactory();
    this.insecure = insecure;
  }

  @Override
  public String name() {
    return name;
  }

  /** Number of POST attempts so far, retries included (for tests). */
  long attempts() {
    return attempts;
  }

  @Override
  public void open() {
    // Connections are opened per request (and pooled by the JDK when keep_alive is on).
  }

  @Override
  public void deliver(Alert alert) throws IOException {
    byte[] body = encode(format.format(alert));
    long sleep = backoff.toMillis();
    IOException last = null;
    for (int attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) {
        try {
          Thread.sleep(sleep);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("http_output: interrupted while retrying " + url);
        }
        sleep = Math.min(sleep * 2, MAX_BACKOFF_MILLIS);
      }
      attempts++;
      try {
        int status = post(body);
        if (status >= 200 && status < 300) {
          health = SinkHealth.OK;
          return;
        }
        last = new IOException("http_output: " + url + " answered HTTP " + status);
        if (status < 500 && status != 429) {
          break; // the request itself is wrong: repeating it cannot help
        }
      } catch (SocketTimeoutException e) {
        last = new IOException("http_output: " + url + " timed out after " + timeout.toMillis()
            + " ms", e);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        last = new IOException("http_output: " + url + ": " + e, e);
      }
    }
    health = SinkHealth.failing(last.getMessage());
    throw last;
  }

  private byte[] encode(String text) throws IOException {
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    if (!compress) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 2 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    }
    return out.toByteArray();
  }

  private int post(byte[] body) throws IOException {
    HttpURLConnection c = (HttpURLConnection) url.openConnection();
    if (c instanceof HttpsURLConnection https) {
      if (tls != null) {
        https.setSSLSocketFactory(tls);
      }
      if (insecure) {
        https.setHostnameVerifier((host, session) -> true);
      }
    }
    int millis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    c.setConnectTimeout(millis);
    c.setReadTimeout(millis);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setUseCaches(false);
    c.setFixedLengthStreamingMode(body.length);
    c.setRequestProperty("Content-Type", json ? "application/json" : "text/plain");
    c.setRequestProperty("User-Agent", userAgent);
    if (compress) {
      c.setRequestProperty("Content-Encoding", "gzip");
    }
    if (!keepAlive) {
      c.setRequestProperty("Connection", "close");
    }
    try {
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
      int status = c.getResponseCode();
      // Read the answer to the end so the connection can go back to the keep-alive pool.
      InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
      if (in != null) {
        try (in) {
          byte[] answer = in.readNBytes(1 << 16);
          if (echo && answer.length > 0) {
            LOG.info("http_output {} answered: {}", url, new String(answer, StandardCharsets.UTF_8));
          }
        }
      }
      return status;
    } catch (IOException e) {
      c.disconnect();
      throw e;
    } finally {
      if (!keepAlive) {
        c.disconnect();
      }
    }
  }

  @Override
  public void flush() {
    // Every alert is its own request.
  }

  @Override
  public SinkHealth health() {
    return health;
  }

  @Override
  public void close() {
    // No resources held between requests.
  }
}
