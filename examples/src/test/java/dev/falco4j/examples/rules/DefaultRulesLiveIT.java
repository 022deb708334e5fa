package dev.falco4j.examples.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.testing.Prerequisites;
import dev.falco4j.probe.ProbeSupport;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The default rules end to end, live: one {@code falco} process (the shaded jar, as a user runs it,
 * recording with {@code -w}) watches this host while each {@link RuleCase} performs its behaviour
 * for real in a child process; each must raise exactly one alert of its rule with the expected
 * output fields, and the benign look-alikes none. Then Ctrl-C (SIGINT) must stop falco with its
 * summary, and the recording, cut down to each case's process tree, must replay ({@code -e}) to the
 * same alerts. With {@code -Dfalco4j.traces.update=true} the cut traces replace the ones under
 * {@code src/test/resources/traces/default-rules/} that {@link DefaultRulesReplayTest} replays.
 */
@Tag("live")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DefaultRulesLiveIT {
  private static final Path WORK = Path.of("target", "default-rules-live");
  private static final Path RECORDING = WORK.resolve("recording.scap");
  private static final Path STORED = Path.of("src", "test", "resources", "traces", "default-rules");

  private static Process falco;
  private static final List<String> stdout = Collections.synchronizedList(new ArrayList<>());
  private static final List<ServerSocket> listeners = new ArrayList<>();
  private static final Map<RuleCase, Long> roots = new EnumMap<>(RuleCase.class);
  private static final Map<ProbeCase, Long> probeRoots = new EnumMap<>(ProbeCase.class);
  private static int barriers;

  @BeforeAll
  static void startFalco() throws Exception {
    Prerequisites.requireRoot();
    ProbeSupport.Status probe = ProbeSupport.check();
    Prerequisites.require(probe.supported(), "live capture: " + probe.reason());
    Path jar = Path.of("target", "falco.jar");
    Prerequisites.require(Files.isRegularFile(jar), "the falco jar (mvn package) at " + jar.toAbsolutePath());
    Files.createDirectories(WORK);
    TestPrograms.install();
    listen(TestPrograms.LISTENER_PORT);
    listen(TestPrograms.MINING_PORT);

    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
    cmd.addAll(DefaultRulesSetup.commonArgs(DefaultRulesSetup.writeRules(WORK)));
    cmd.addAll(List.of("-U", "-w", RECORDING.toString()));
    falco = new ProcessBuilder(cmd).redirectError(WORK.resolve("falco.stderr").toFile()).start();
    Thread reader = new Thread(() -> readLines(falco.getInputStream()), "falco-stdout");
    reader.setDaemon(true);
    reader.start();
    // The probe is ready when a barrier comes through.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    boolean up = false;
    while (!up && System.nanoTime() < deadline && falco.isAlive()) {
      up = barrier(TimeUnit.SECONDS.toMillis(2));
    }
    assertThat(up).as("falco came up and raised the barrier alert; stderr: %s",
        readStderr()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(RuleCase.class)
  @Order(1)
  void behaviourRaisesExactlyItsAlert(RuleCase c) throws Exception {
    Process p = new ProcessBuilder("/bin/sh", "-c", c.expandedScript())
        .redirectErrorStream(true).redirectOutput(WORK.resolve(c.name() + ".out").toFile()).start();
    long pid = p.pid();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finished", c).isTrue();
    roots.put(c, pid);
    assertThat(barrier(TimeUnit.SECONDS.toMillis(20))).as("barrier after %s", c).isTrue();

    List<AlertRecord> mine = new ArrayList<>();
    for (AlertRecord a : alerts()) {
      if (!a.rule().equals(DefaultRulesSetup.BARRIER_RULE) && a.concernsTreeOf(pid)) {
        mine.add(a);
      }
    }
    String script = Files.readString(WORK.resolve(c.name() + ".out"));
    if (c.rule == null) {
      assertThat(mine).as("alerts for the benign %s (script output: %s)", c, script).isEmpty();
      return;
    }
    assertThat(mine).as("alerts for %s (script output: %s)", c, script).hasSize(1);
    AlertRecord a = mine.get(0);
    assertThat(a.rule()).isEqualTo(c.rule);
    assertThat(a.fields()).containsAllEntriesOf(c.fields);
  }

  /**
   * Rules on system calls that SyntheticEventRulesTest also covers with made-up events: here they are
   * performed for real (perl's syscall(), x86_64 numbers) and caught by the probe. No recorded traces
   * are stored for them; their part of this run's recording is replayed in {@link
   * #recordedProbeCasesReplayToTheSameAlerts()}.
   */
  enum ProbeCase {
    PTRACE_ATTACH("Process Attached With Ptrace",
        "sleep 30 & perl -e 'syscall(101, 16, 0+$ARGV[0], 0, 0) == 0 or die \"ptrace: $!\"' $!; kill -9 $!",
        Map.of("proc.name", "perl", "evt.arg.request", "PTRACE_ATTACH")),
    UNSHARE_UTS("Namespace Change By Unexpected Program",
        "perl -e 'syscall(272, 0x04000000) == 0 or die \"unshare: $!\"'",
        Map.of("proc.name", "perl", "evt.type", "unshare")),
    SETNS_UTS("Namespace Change By Unexpected Program",
        "perl -e 'open(my $ns, \"<\", \"/proc/self/ns/uts\") or die;"
            + " syscall(308, fileno($ns), 0x04000000) == 0 or die \"setns: $!\"'",
        Map.of("proc.name", "perl", "evt.type", "setns")),
    // fails (bad fd, or ENOSYS without module support): the attempt is what the rule reports
    FINIT_MODULE("Kernel Module Loaded",
        "perl -e 'my $args = \"\"; syscall(313, 9999, $args, 0)'",
        Map.of("proc.name", "perl", "proc.pname", "sh")),
    BPF_PROG_LOAD("BPF Program Loaded By Unexpected Process",
        "perl -e 'my $insns = pack(\"C16\", 0xb7, (0) x 7, 0x95, (0) x 7); my $lic = \"GPL\\0\";"
            + " my $attr = pack(\"LLQQ\", 1, 2, unpack(\"Q\", pack(\"p\", $insns)),"
            + " unpack(\"Q\", pack(\"p\", $lic))) . (\"\\0\" x 104);"
            + " syscall(321, 5, $attr, 128) >= 0 or die \"bpf: $!\"'",
        Map.of("proc.name", "perl", "proc.pname", "sh"));

    final String rule;
    final String script;
    final Map<String, String> fields;

    ProbeCase(String rule, String script, Map<String, String> fields) {
      this.rule = rule;
      this.script = script;
      this.fields = fields;
    }
  }

  @ParameterizedTest
  @EnumSource(ProbeCase.class)
  @Order(1)
  void probeCaseRaisesExactlyItsAlert(ProbeCase c) throws Exception {
    Path out = WORK.resolve(c.name() + ".out");
    Process p = new ProcessBuilder("/bin/sh", "-c", c.script)
        .redirectErrorStream(true).redirectOutput(out.toFile()).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("%s finished", c).isTrue();
    probeRoots.put(c, p.pid());
    assertThat(barrier(TimeUnit.SECONDS.toMillis(20))).as("barrier after %s", c).isTrue();
    List<AlertRecord> mine = new ArrayList<>();
    for (AlertRecord a : alerts()) {
      if (!a.rule().equals(DefaultRulesSetup.BARRIER_RULE) && a.concernsTreeOf(p.pid())) {
        mine.add(a);
      }
    }
    assertThat(mine).as("alerts for %s (script output: %s)", c, Files.readString(out)).hasSize(1);
    assertThat(mine.get(0).rule()).isEqualTo(c.rule);
    assertThat(mine.get(0).fields()).containsAllEntriesOf(c.fields);
  }

  @Test
  @Order(2)
  void ctrlCStopsWithTheSummary() throws Exception {
    new ProcessBuilder("kill", "-INT", Long.toString(falco.pid())).start().waitFor();
    assertThat(falco.waitFor(30, TimeUnit.SECONDS)).as("falco stopped on SIGINT").isTrue();
    Thread.sleep(200); // the reader thread drains the pipe
    String out = String.join("\n", stdout);
    assertThat(out).contains("Events detected: ", "Rule counts by severity:",
        "Triggered rules by rule name:", "   Sensitive File Read By Untrusted Program: ");
    assertThat(readStderr()).containsPattern("falco: \\d+ events processed \\(stopped\\), \\d+ dropped");
  }

  @Test
  @Order(3)
  void recordingReplaysToTheSameAlerts() throws Exception {
    assertThat(falco.isAlive()).isFalse();
    boolean update = Boolean.getBoolean("falco4j.traces.update");
    for (Map.Entry<RuleCase, Long> e : roots.entrySet()) {
      RuleCase c = e.getKey();
      Path cut = WORK.resolve(c.traceName());
      long n = ProcessTreeTrimmer.trim(RECORDING, e.getValue(), cut);
      assertThat(n).as("events of %s in the recording", c).isPositive();
      List<AlertRecord> replayed = FalcoReplay.replay(cut, WORK);
      DefaultRulesReplayTest.assertExpectedAlerts(c, replayed);
      if (update) {
        Files.createDirectories(STORED);
        Files.copy(cut, STORED.resolve(c.traceName()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Test
  @Order(3)
  void recordedProbeCasesReplayToTheSameAlerts() throws Exception {
    assertThat(falco.isAlive()).isFalse();
    for (Map.Entry<ProbeCase, Long> e : probeRoots.entrySet()) {
      ProbeCase c = e.getKey();
      Path cut = WORK.resolve(c.name().toLowerCase(java.util.Locale.ROOT) + ".scap.gz");
      assertThat(ProcessTreeTrimmer.trim(RECORDING, e.getValue(), cut)).as("events of %s", c).isPositive();
      List<AlertRecord> replayed = FalcoReplay.replay(cut, WORK);
      assertThat(replayed).as("alerts replaying %s", c).hasSize(1);
      assertThat(replayed.get(0).rule()).isEqualTo(c.rule);
      assertThat(replayed.get(0).fields()).containsAllEntriesOf(c.fields);
    }
  }

  @AfterAll
  static void cleanUp() throws IOException {
    if (falco != null && falco.isAlive()) {
      falco.destroyForcibly();
    }
    for (ServerSocket s : listeners) {
      s.close();
    }
    TestPrograms.uninstall();
  }

  // ------------------------------------------------------------------ helpers

  private static List<AlertRecord> alerts() {
    List<AlertRecord> all = new ArrayList<>();
    synchronized (stdout) {
      for (String line : stdout) {
        AlertRecord a = AlertRecord.parse(line);
        if (a != null) {
          all.add(a);
        }
      }
    }
    return all;
  }

  /** Runs {@code true f4j-barrier-N} and waits for its alert: everything before it was processed. */
  private static boolean barrier(long waitMillis) throws Exception {
    String marker = "f4j-barrier-" + (++barriers);
    new ProcessBuilder("/bin/true", marker).start().waitFor();
    long deadline = System.currentTimeMillis() + waitMillis;
    while (System.currentTimeMillis() < deadline) {
      for (AlertRecord a : alerts()) {
        if (a.rule().equals(DefaultRulesSetup.BARRIER_RULE) && marker.equals(a.fields().get("proc.args"))) {
          return true;
        }
      }
      Thread.sleep(50);
    }
    return false;
  }

  private static void readLines(InputStream in) {
    StringBuilder line = new StringBuilder();
    try {
      for (int b; (b = in.read()) >= 0; ) {
        if (b == '\n') {
          stdout.add(new String(line.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
          line.setLength(0);
        } else {
          line.append((char) b);
        }
      }
    } catch (IOException e) {
      stdout.add("<stdout read failed: " + e + ">");
    }
    if (line.length() > 0) {
      stdout.add(line.toString());
    }
  }

  private static String readStderr() throws IOException {
    Path p = WORK.resolve("falco.stderr");
    return Files.exists(p) ? Files.readString(p) : "";
  }

  private static void listen(int port) throws IOException {
    ServerSocket s = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    listeners.add(s);
    Thread t = new Thread(() -> {
      List<Socket> held = new ArrayList<>();
      try {
        for (;;) {
          held.add(s.accept());
        }
      } catch (IOException closed) {
        for (Socket h : held) {
          try {
            h.close();
          } catch (IOException ignored) {
            // closing anyway
          }
        }
      }
    }, "listener-" + port);
    t.setDaemon(true);
    t.start();
  }
}
