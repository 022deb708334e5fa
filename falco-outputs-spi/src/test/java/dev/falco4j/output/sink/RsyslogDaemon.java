package dev.falco4j.output.sink;

import dev.falco4j.output.testing.Prerequisites;
import java.io.IOException;
import java.net.DatagramSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private rsyslogd for tests: its own config, work directory, Unix datagram socket and loopback
 * UDP port, writing every message as {@code facility severity programname msg} to a file. Nothing of
 * the system's syslog is touched.
 */
final class RsyslogDaemon implements AutoCloseable {
  final Path dir;
  final Path socket;
  final Path out;
  final int udpPort;
  final int tcpPort;
  private final Process process;

  private RsyslogDaemon(
      Path dir, Path socket, Path out, int udpPort, int tcpPort, Process process) {
    this.dir = dir;
    this.socket = socket;
    this.out = out;
    this.udpPort = udpPort;
    this.tcpPort = tcpPort;
    this.process = process;
  }

  static RsyslogDaemon start(Path dir) throws IOException, InterruptedException {
    Path rsyslogd = Prerequisites.executable("rsyslogd",
        "apt-get install rsyslog; scripts/setup.sh does it");
    Prerequisites.executable("logger", "util-linux");
    int port;
    try (DatagramSocket probe = new DatagramSocket(0)) {
      port = probe.getLocalPort();
    }
    int tcpPort;
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
      tcpPort = probe.getLocalPort();
    }
    Path socket = dir.resolve("log.sock");
    Path out = dir.resolve("messages.log");
    Path conf = dir.resolve("rsyslog.conf");
    Files.writeString(conf, String.join("\n",
        "global(workDirectory=\"" + dir + "\")",
        "module(load=\"imuxsock\" SysSock.Use=\"off\")",
        "input(type=\"imuxsock\" Socket=\"" + socket + "\")",
        "module(load=\"imudp\")",
        "input(type=\"imudp\" address=\"127.0.0.1\" port=\"" + port + "\")",
        "module(load=\"imtcp\")",
        "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"" + tcpPort + "\")",
        "template(name=\"probe\" type=\"string\""
            + " string=\"%syslogfacility-text% %syslogseverity-text% %programname% %msg%\\n\")",
        "*.* action(type=\"omfile\" file=\"" + out + "\" template=\"probe\")",
        ""));
    Process p = new ProcessBuilder(List.of(rsyslogd.toString(), "-n", "-f", conf.toString(),
            "-i", dir.resolve("rsyslogd.pid").toString()))
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("rsyslogd.stdout").toFile())
        .start();
    RsyslogDaemon d = new RsyslogDaemon(dir, socket, out, port, tcpPort, p);
    // Ready when a probe datagram made it through the UDP input and the file action, and the
    // Unix socket exists (rsyslogd does not log its own start here: that goes to the system log).
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    byte[] probe = "<46>rsyslog-probe: ready".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    try (DatagramSocket udp = new DatagramSocket()) {
      while (!(Files.exists(socket)
          && SinkFixtures.linesQuietly(out).stream().anyMatch(l -> l.contains("ready")))) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          Path log = dir.resolve("rsyslogd.stdout");
          String text = Files.exists(log) ? Files.readString(log) : "";
          d.close();
          throw new AssertionError("rsyslogd did not start: " + text);
        }
        udp.send(new java.net.DatagramPacket(probe, probe.length,
            java.net.InetAddress.getLoopbackAddress(), port));
        Thread.sleep(50);
      }
    }
    return d;
  }

  /** Lines received so far. */
  List<String> lines() {
    return SinkFixtures.linesQuietly(out);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
