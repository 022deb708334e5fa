package dev.falco4j.output.sink;

import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkHealth;
import dev.falco4j.output.format.AlertFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

/**
 * Sends alerts to syslog with the user facility (configurable) and the rule priority as severity,
 * as Falco's {@code syslog_output} does. Three transports, chosen by {@code address}:
 *
 * <ul>
 *   <li>a path (default {@code /dev/log}): the local daemon's datagram socket. The JDK (17) has no
 *       Unix datagram sockets, so the sink keeps one {@code logger --prio-prefix} process (util-linux)
 *       as a relay and writes {@code <PRI>message} lines to it; no alert text reaches its command
 *       line.
 *   <li>{@code udp://host:port}: one RFC 3164 datagram per alert.
 *   <li>{@code tcp://host:port}: RFC 3164 messages, one per line (RFC 6587 non-transparent framing).
 * </ul>
 */
final class SyslogSink implements OutputSink {
  private static final String[] MONTHS = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
  };

  private final String name;
  private final SyslogAddress address;
  private final SyslogFacility facility;
  private final String ident;
  private final String hostname;
  private final AlertFormat format;
  private final long pid = ProcessHandle.current().pid();
  private Process relay;
  private BufferedWriter relayInput;
  private DatagramSocket udp;
  private Socket tcp;
  private OutputStream tcpOut;
  private volatile SinkHealth health = SinkHealth.OK;

  SyslogSink(
      String name,
      SyslogAddress address,
      SyslogFacility facility,
      String ident,
      String hostname,
      AlertFormat format) {
    this.name = name;
    this.address = address;
    this.facility = facility;
    this.ident = ident;
    this.hostname = hostname;
    this.format = format;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public void open() throws IOException {
    try {
      switch (address.transport()) {
        case UNIX -> openRelay();
        case UDP -> {
          if (udp == null) {
            udp = new DatagramSocket();
            udp.connect(new InetSocketAddress(address.host(), address.port()));
          }
        }
        case TCP -> {
          if (tcp == null) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(address.host(), address.port()), 5000);
            tcp = s;
            tcpOut = s.getOutputStream();
          }
        }
      }
      health = SinkHealth.OK;
    } catch (IOException e) {
      health = SinkHealth.failing("syslog " + address + ": " + e.getMessage());
      throw new IOException("syslog_output: cannot reach " + address + ": " + e.getMessage(), e);
    }
  }

  private void openRelay() throws IOException {
    if (relay != null && relay.isAlive()) {
      return;
    }
    closeRelay();
    Path socket = Path.of(address.path());
    if (!isSocket(socket)) {
      throw new IOException(socket + " is not a Unix socket (is a syslog daemon running?)");
    }
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(
                "logger", "--prio-prefix", "--socket-errors=on", "-u", socket.toString(),
                "-t", ident, "--id=" + pid));
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.redirectError(ProcessBuilder.Redirect.INHERIT);
    relay = pb.start();
    relayInput =
        new BufferedWriter(new OutputStreamWriter(relay.getOutputStream(), StandardCharsets.UTF_8));
  }

  private static boolean isSocket(Path p) {
    try {
      int mode = (Integer) Files.getAttribute(p, "unix:mode");
      return (mode & 0170000) == 0140000;
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
      return false;
    }
  }

  int priorityValue(Alert alert) {
    return facility.code * 8 + alert.priority().syslogSeverity();
  }

  @Override
  public void deliver(Alert alert) throws IOException {
    String message = format.format(alert);
    int pri = priorityValue(alert);
    switch (address.transport()) {
      case UNIX -> {
        openRelay();
        String line = "<" + pri + ">" + message + "\n";
        try {
          relayInput.write(line);
        } catch (IOException relayGone) {
          closeRelay();
          openRelay();
          relayInput.write(line);
        }
      }
      case UDP -> {
        open();
        byte[] bytes = networkMessage(pri, alert, message).getBytes(StandardCharsets.UTF_8);
        udp.send(new DatagramPacket(bytes, bytes.length));
      }
      case TCP -> {
        open();
        try {
          tcpOut.write((networkMessage(pri, alert, message) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
          closeTcp();
          health = SinkHealth.failing("syslog " + address + ": " + e.getMessage());
          throw e;
        }
      }
    }
    health = SinkHealth.OK;
  }

  /** RFC 3164: {@code <PRI>Mmm dd hh:mm:ss host ident[pid]: message}, local time. */
  String networkMessage(int pri, Alert alert, String message) {
    LocalDateTime t = LocalDateTime.ofInstant(alert.time(), ZoneId.systemDefault());
    StringBuilder b = new StringBuilder(message.length() + 64);
    b.append('<').append(pri).append('>').append(MONTHS[t.getMonthValue() - 1]).append(' ');
    if (t.getDayOfMonth() < 10) {
      b.append(' ');
    }
    b.append(t.getDayOfMonth()).append(' ');
    two(b, t.getHour()).append(':');
    two(b, t.getMinute()).append(':');
    two(b, t.getSecond()).append(' ');
    b.append(hostname).append(' ').append(ident).append('[').append(pid).append("]: ");
    return b.append(message).toString();
  }

  private static StringBuilder two(StringBuilder b, int v) {
    if (v < 10) {
      b.append('0');
    }
    return b.append(v);
  }

  @Override
  public void flush() throws IOException {
    if (relayInput != null) {
      relayInput.flush();
    }
    if (tcpOut != null) {
      tcpOut.flush();
    }
  }

  @Override
  public SinkHealth health() {
    return health;
  }

  @Override
  public void close() throws IOException {
    closeRelay();
    closeTcp();
    if (udp != null) {
      udp.close();
      udp = null;
    }
  }

  private void closeTcp() {
    if (tcp != null) {
      try {
        tcp.close();
      } catch (IOException ignored) {
        // Closing a broken connection: nothing further to do.
      }
      tcp = null;
      tcpOut = null;
    }
  }

  private void closeRelay() {
    Process p = relay;
    BufferedWriter w = relayInput;
    relay = null;
    relayInput = null;
    if (w != null) {
      try {
        w.close();
      } catch (IOException ignored) {
        // The relay already exited.
      }
    }
    if (p != null) {
      try {
        if (!p.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
  }
}
