package dev.falco4j.examples.customsink;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkHealth;
import dev.falco4j.output.format.AlertFormat;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * Streams alerts as Falco JSON lines over one TCP connection, the input format of log shippers
 * such as Fluent Bit ({@code tcp} input), Vector ({@code socket} source) or Logstash ({@code tcp}
 * with {@code json_lines}). The dispatcher calls it from one thread, so it needs no locking; when
 * the connection breaks, the failed alert is reported and the next one reconnects (the dispatcher
 * closes and reopens a sink after a failure).
 */
final class TcpJsonSink implements OutputSink {
  private final String name;
  private final String host;
  private final int port;
  private final int connectTimeoutMillis;
  private final AlertFormat format;
  private Socket socket;
  private OutputStream out;
  private volatile SinkHealth health = SinkHealth.OK;

  TcpJsonSink(String name, String host, int port, int connectTimeoutMillis, AlertFormat format) {
    this.name = name;
    this.host = host;
    this.port = port;
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.format = format;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void open() throws IOException {
    if (socket != null) {
      return;
    }
    Socket s = new Socket();
    try {
      s.connect(new InetSocketAddress(host, port), connectTimeoutMillis);
    } catch (IOException e) {
      s.close();
      health = SinkHealth.failing("cannot connect to " + host + ":" + port + ": " + e.getMessage());
      throw new IOException(name + "_output: cannot connect to " + host + ":" + port, e);
    }
    socket = s;
    out = new BufferedOutputStream(s.getOutputStream(), 1 << 14);
    health = SinkHealth.OK;
  }

  @Override
  public void deliver(Alert alert) throws IOException {
    open();
    out.write(format.format(alert).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  @Override
  public void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
  }

  @Override
  public SinkHealth health() {
    return health;
  }

  @Override
  public void close() throws IOException {
    Socket s = socket;
    OutputStream o = out;
    socket = null;
    out = null;
    if (s == null) {
      return;
    }
    try {
      o.flush();
    } finally {
      s.close();
    }
  }
}
