package dev.falco4j.output.sink;

import static dev.falco4j.output.sink.SinkFixtures.JSON;
import static dev.falco4j.output.sink.SinkFixtures.TEXT;
import static dev.falco4j.output.sink.SinkFixtures.create;
import static dev.falco4j.output.sink.SinkFixtures.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falco4j.output.Alert;
import dev.falco4j.output.OutputSink;
import dev.falco4j.output.Priority;
import dev.falco4j.output.testing.Alerts;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The syslog sink against a real rsyslogd from Debian, started privately for this test. */
class SyslogSinkIT {
  @TempDir static Path dir;
  private static RsyslogDaemon daemon;

  @BeforeAll
  static void startDaemon() throws Exception {
    daemon = RsyslogDaemon.start(dir);
  }

  @AfterAll
  static void stopDaemon() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
  }

  private static Alert alert(Priority p, String marker) {
    return Alert.builder().epochNanos(Alerts.TIME).rule("r").priority(p)
        .output("marker=" + marker + " proc.name=bash").hostname("h").build();
  }

  private static String receivedLine(String marker) {
    waitFor("syslog line with " + marker,
        () -> daemon.lines().stream().anyMatch(l -> l.contains("marker=" + marker + " ")));
    return daemon.lines().stream().filter(l -> l.contains("marker=" + marker + " ")).findFirst()
        .orElseThrow();
  }

  @Test
  void unixSocketCarriesUserFacilityAndPrioritySeverity() throws Exception {
    OutputSink sink = create(new SyslogSinkProvider(),
        Map.of("enabled", true, "address", daemon.socket.toString()), TEXT);
    sink.open();
    sink.deliver(alert(Priority.CRITICAL, "u1"));
    sink.deliver(alert(Priority.INFORMATIONAL, "u2"));
    sink.deliver(alert(Priority.WARNING, "u3"));
    sink.flush();
    assertThat(receivedLine("u1")).startsWith("user crit falco ").contains(": Critical marker=u1");
    assertThat(receivedLine("u2")).startsWith("user info falco ");
    assertThat(receivedLine("u3")).startsWith("user warning falco ");
    sink.close();
  }

  @Test
  void udpCarriesTheConfiguredFacility() throws Exception {
    OutputSink sink = create(new SyslogSinkProvider(),
        Map.of("address", "udp://127.0.0.1:" + daemon.udpPort, "facility", "local3",
            "ident", "falco4j-test"), TEXT);
    sink.open();
    sink.deliver(alert(Priority.ERROR, "d1"));
    sink.deliver(alert(Priority.EMERGENCY, "d2"));
    sink.flush();
    assertThat(receivedLine("d1")).startsWith("local3 err falco4j-test ");
    assertThat(receivedLine("d2")).startsWith("local3 emerg falco4j-test ");
    sink.close();
  }

  @Test
  void tcpCarriesFramedMessages() throws Exception {
    OutputSink sink = create(new SyslogSinkProvider(),
        Map.of("address", "tcp://127.0.0.1:" + daemon.tcpPort, "facility", "daemon"), TEXT);
    sink.open();
    sink.deliver(alert(Priority.ALERT, "t1"));
    sink.deliver(alert(Priority.DEBUG, "t2"));
    sink.flush();
    assertThat(receivedLine("t1")).startsWith("daemon alert falco ");
    assertThat(receivedLine("t2")).startsWith("daemon debug falco ");
    sink.close();
  }

  @Test
  void jsonAlertsArriveWhole() throws Exception {
    OutputSink sink = create(new SyslogSinkProvider(),
        Map.of("address", "unix://" + daemon.socket), JSON);
    sink.open();
    sink.deliver(alert(Priority.NOTICE, "j1"));
    sink.flush();
    String line = receivedLine("j1");
    assertThat(line).startsWith("user notice falco ");
    String json = line.substring(line.indexOf('{'));
    assertThat(new ObjectMapper().readTree(json).get("priority").asText()).isEqualTo("Notice");
    sink.close();
  }

  @Test
  void aMissingSocketIsAClearError() {
    OutputSink sink = create(new SyslogSinkProvider(),
        Map.of("address", dir.resolve("nope.sock").toString()), TEXT);
    assertThatThrownBy(sink::open).isInstanceOf(IOException.class)
        .hasMessageContaining("nope.sock").hasMessageContaining("not a Unix socket");
    assertThat(sink.health().healthy()).isFalse();
  }
}
