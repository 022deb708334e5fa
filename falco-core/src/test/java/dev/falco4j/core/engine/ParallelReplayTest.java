package dev.falco4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.rules.LoadedRules;
import dev.falco4j.core.rules.RulesInput;
import dev.falco4j.core.rules.RulesLoader;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.testing.SharedFiles;
import dev.falco4j.output.Alert;
import dev.falco4j.output.Priority;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ParallelReplay} gives what one {@link EventLoop} gives: on every shared trace, with the
 * upstream rules and with Falco4J's default rules (each joined by rules that fire on most events,
 * since on these short traces the shipped rules alone raise nothing), 2 and 3 workers, by process
 * and by event, deliver the same alerts in the same order (rule, event number, output, fields) and
 * leave the same counters; a truncated trace fails with the same error after the same alerts; stop
 * and the time limit end every worker at one agreed event.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ParallelReplayTest {

  /**
   * Rules that match often and print fields read from the state (process tree, fds, users), with
   * the event number, so that a wrong state or a wrong order shows in the text.
   */
  static final String BUSY_RULES = """
      - list: busy_shells
        items: [bash, sh, zsh]
      - macro: busy_opened
        condition: evt.type in (open, openat, openat2) and evt.dir = <
      - rule: Busy every open
        desc: every file opened
        condition: busy_opened
        output: "%evt.num open %proc.name pid=%proc.pid parent=%proc.pname fd=%fd.name user=%user.name args=%evt.args"
        priority: NOTICE
      - rule: Busy network
        desc: every connect, send and receive
        condition: evt.type in (connect, sendto, recvfrom, sendmsg, recvmsg) and evt.dir = <
        output: "%evt.num net %proc.name %fd.name sip=%fd.sip res=%evt.res"
        priority: WARNING
      - rule: Busy exec
        desc: every program started
        condition: evt.type in (execve, execveat) and evt.dir = <
        output: "%evt.num exec %proc.cmdline by %proc.aname[2] in %proc.cwd"
        priority: ERROR
        exceptions:
          - name: shells
            fields: [proc.name]
            values: [[busy_shells]]
      - rule: Busy anything of a child
        desc: any event of a process whose parent is known
        condition: proc.pname exists and not proc.name in (busy_shells)
        output: "%evt.num %evt.type %evt.dir tid=%thread.tid %proc.exepath"
        priority: DEBUG
      """;

  /** A set of rules to replay with. */
  enum RuleSet {
    UPSTREAM_AND_BUSY, DEFAULT_AND_BUSY;

    private LoadedRules loaded;

    synchronized LoadedRules loaded() throws IOException {
      if (loaded == null) {
        List<RulesInput> inputs = new ArrayList<>();
        if (this == UPSTREAM_AND_BUSY) {
          inputs.add(RulesInput.path(SharedFiles.upstreamRules()));
        } else {
          try (InputStream in = ParallelReplayTest.class.getResourceAsStream("/rules/falco4j_rules.yaml")) {
            assertThat(in).as("default rules on the class path").isNotNull();
            inputs.add(RulesInput.string("falco4j_rules.yaml",
                new String(in.readAllBytes(), StandardCharsets.UTF_8)));
          }
        }
        inputs.add(RulesInput.string("busy.yaml", BUSY_RULES));
        loaded = RulesLoader.create().load(inputs);
        assertThat(loaded.hasErrors()).as("%s", loaded.problems()).isFalse();
      }
      return loaded;
    }
  }

  /** What a run gives: alerts as delivered, the result, the counters. */
  record Outcome(List<Alert> alerts, EventLoop.Result result, List<RuleStats> stats, long events) {}

  static Engine engine(RuleSet rules, RuleMatching matching, List<Alert> sink) throws Exception {
    FieldCatalog catalog = new FieldCatalog();
    return Engine.builder().rules(rules.loaded()).fields(catalog).eventTypeOf(catalog::eventTypeId)
        .settings(new EngineSettings(Priority.DEBUG, matching, List.of(), List.of()))
        .hostname("test-host").onAlert(sink::add).build();
  }

  static Outcome single(RuleSet rules, RuleMatching matching, Path trace) throws Exception {
    List<Alert> alerts = new ArrayList<>();
    Engine engine = engine(rules, matching, alerts);
    EventLoop.Result r;
    try (ScapFileSource source = ScapFileSource.open(trace)) {
      r = new EventLoop(engine).run(source);
    }
    return new Outcome(alerts, r, engine.stats(), engine.eventsProcessed());
  }

  static Outcome parallel(RuleSet rules, RuleMatching matching, Path trace, int workers,
      EvaluationPartition partition, int queueCapacity) throws Exception {
    List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
    Engine engine = engine(rules, matching, alerts);
    ParallelReplay replay = new ParallelReplay(engine, workers).partition(partition)
        .queueCapacity(queueCapacity);
    EventLoop.Result r;
    try (ScapFileSource first = ScapFileSource.open(trace)) {
      r = replay.run(first, () -> ScapFileSource.open(trace));
    }
    return new Outcome(List.copyOf(alerts), r, engine.stats(), engine.eventsProcessed());
  }

  static Stream<Arguments> tracesAndRules() {
    List<Path> traces = new ArrayList<>(SharedFiles.traces());
    traces.add(SharedFiles.resolve("traces/synthetic/concatenated.scap"));
    traces.add(SharedFiles.resolve("traces/synthetic/synthetic.scap"));
    List<Arguments> out = new ArrayList<>();
    for (Path t : traces) {
      for (RuleSet r : RuleSet.values()) {
        out.add(Arguments.of(t.getFileName().toString(), t, r));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {2}")
  @MethodSource("tracesAndRules")
  void twoAndThreeWorkersDeliverTheAlertsAndCountersOfOneThread(String name, Path trace, RuleSet rules)
      throws Exception {
    // Rule matching "all" for the default rules: several alerts per event, kept in rule order.
    RuleMatching matching = rules == RuleSet.DEFAULT_AND_BUSY ? RuleMatching.ALL : RuleMatching.FIRST;
    Outcome one = single(rules, matching, trace);
    boolean busy = one.result().events() > 0;
    if (busy) {
      assertThat(one.alerts()).as("the busy rules fire on %s", name).isNotEmpty();
    }
    for (int workers : new int[] {2, 3}) {
      for (EvaluationPartition p : EvaluationPartition.values()) {
        // A queue of 2 makes workers wait for each other all the time: order must still hold.
        int capacity = workers == 3 && p == EvaluationPartition.EVENT ? 2
            : ParallelReplay.DEFAULT_QUEUE_CAPACITY;
        Outcome many = parallel(rules, matching, trace, workers, p, capacity);
        String what = name + " " + workers + " workers by " + p;
        assertThat(many.alerts()).as(what).containsExactlyElementsOf(one.alerts());
        assertThat(many.result()).as(what).isEqualTo(one.result());
        assertThat(many.stats()).as(what).containsExactlyElementsOf(one.stats());
        assertThat(many.events()).as(what).isEqualTo(one.events());
      }
    }
  }

  @Test
  void oneWorkerIsTheSingleThreadedRunToo() throws Exception {
    Path trace = SharedFiles.resolve("traces/synthetic/concatenated.scap");
    Outcome one = single(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, trace);
    Outcome alone = parallel(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, trace, 1,
        EvaluationPartition.PROCESS, 4);
    assertThat(alone.alerts()).isNotEmpty().containsExactlyElementsOf(one.alerts());
    assertThat(alone.stats()).containsExactlyElementsOf(one.stats());
  }

  @Test
  void anEventRaisingMoreAlertsThanAQueueHoldsDoesNotStopTheRun() throws Exception {
    // Five rules match every open: with rule matching "all" and room for 2 alerts per worker, a
    // worker fills its queue with the event it is still evaluating.
    StringBuilder yaml = new StringBuilder();
    for (int i = 1; i <= 5; i++) {
      yaml.append("- rule: Open ").append(i).append("\n  desc: d\n")
          .append("  condition: evt.type in (open, openat, openat2) and evt.dir = <\n")
          .append("  output: \"").append(i).append(" %evt.num %fd.name\"\n  priority: NOTICE\n");
    }
    LoadedRules rules = RulesLoader.create().loadString("opens.yaml", yaml.toString());
    Path trace = SharedFiles.resolve("traces/open-multiple-files.scap");
    List<List<Alert>> runs = new ArrayList<>();
    for (int workers = 1; workers <= 3; workers++) {
      List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
      FieldCatalog catalog = new FieldCatalog();
      Engine engine = Engine.builder().rules(rules).fields(catalog).eventTypeOf(catalog::eventTypeId)
          .settings(new EngineSettings(Priority.DEBUG, RuleMatching.ALL, List.of(), List.of()))
          .hostname("h").onAlert(alerts::add).build();
      new ParallelReplay(engine, workers).partition(EvaluationPartition.EVENT).queueCapacity(2)
          .run(() -> ScapFileSource.open(trace));
      runs.add(List.copyOf(alerts));
    }
    assertThat(runs.get(0)).hasSizeGreaterThan(10);
    assertThat(runs.get(0).size() % 5).isZero();
    assertThat(runs.get(1)).containsExactlyElementsOf(runs.get(0));
    assertThat(runs.get(2)).containsExactlyElementsOf(runs.get(0));
  }

  /** The trace decompressed and cut in the middle of an event block. */
  static Path truncated(Path trace, Path dir, double fraction) throws IOException {
    byte[] all;
    try (InputStream in = new GZIPInputStream(Files.newInputStream(trace))) {
      all = in.readAllBytes();
    }
    Path out = dir.resolve("truncated-" + trace.getFileName());
    Files.write(out, Arrays.copyOf(all, (int) (all.length * fraction)));
    return out;
  }

  @Test
  void aTruncatedTraceFailsWithTheSingleThreadedErrorAfterTheSameAlerts(@TempDir Path dir)
      throws Exception {
    Path cut = truncated(SharedFiles.resolve("traces/open-multiple-files.scap"), dir, 0.7);
    List<Alert> expected = new ArrayList<>();
    Engine reference = engine(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, expected);
    IOException singleError;
    try (ScapFileSource source = ScapFileSource.open(cut)) {
      EventLoop loop = new EventLoop(reference);
      singleError = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
          () -> loop.run(source));
    }
    assertThat(expected).as("alerts before the cut").isNotEmpty();
    for (int workers : new int[] {2, 3}) {
      for (EvaluationPartition p : EvaluationPartition.values()) {
        List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
        Engine engine = engine(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, alerts);
        ParallelReplay replay = new ParallelReplay(engine, workers).partition(p);
        try (ScapFileSource first = ScapFileSource.open(cut)) {
          assertThatThrownBy(() -> replay.run(first, () -> ScapFileSource.open(cut)))
              .isInstanceOf(singleError.getClass()).hasMessage(singleError.getMessage());
        }
        assertThat(alerts).as("%d workers by %s", workers, p).containsExactlyElementsOf(expected);
        assertThat(engine.stats()).containsExactlyElementsOf(reference.stats());
        assertThat(engine.eventsProcessed()).isEqualTo(reference.eventsProcessed());
      }
    }
    assertThat(evaluationThreads()).as("no worker left running").isEmpty();
  }

  @Test
  void aSourceThatCannotBeOpenedEndsTheRunWithItsError() throws Exception {
    Path trace = SharedFiles.resolve("traces/curl_google.scap");
    Engine engine = engine(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, new ArrayList<>());
    ParallelReplay replay = new ParallelReplay(engine, 2);
    try (ScapFileSource first = ScapFileSource.open(trace)) {
      assertThatThrownBy(() -> replay.run(first, () -> {
        throw new IOException("cannot open /nowhere.scap: test");
      })).isInstanceOf(IOException.class).hasMessage("cannot open /nowhere.scap: test");
    }
    assertThat(evaluationThreads()).isEmpty();
  }

  @Test
  void aFailingAlertListenerEndsTheRunWithItsError() throws Exception {
    Path trace = SharedFiles.resolve("traces/open-multiple-files.scap");
    FieldCatalog catalog = new FieldCatalog();
    Engine engine = Engine.builder().rules(RuleSet.DEFAULT_AND_BUSY.loaded()).fields(catalog)
        .eventTypeOf(catalog::eventTypeId).hostname("h").onAlert(a -> {
          throw new IllegalStateException("listener broke: test");
        }).build();
    ParallelReplay replay = new ParallelReplay(engine, 2).queueCapacity(2);
    assertThatThrownBy(() -> replay.run(() -> ScapFileSource.open(trace)))
        .isInstanceOf(IllegalStateException.class).hasMessage("listener broke: test");
    assertThat(evaluationThreads()).isEmpty();
  }

  @Test
  void stopFromAnotherThreadEndsEveryWorkerAtOneEventWithTheAlertsUpToIt() throws Exception {
    Path trace = SharedFiles.resolve("traces/curl_google.scap");
    for (EvaluationPartition p : EvaluationPartition.values()) {
      List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
      Engine engine = engine(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, alerts);
      ParallelReplay replay = new ParallelReplay(engine, 3).partition(p);
      Thread stopper = new Thread(() -> {
        // Stop when alerts have been delivered, so that the run is well under way.
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (alerts.size() < 2000 && System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        replay.stop();
      });
      stopper.start();
      EventLoop.Result r = replay.run(() -> new CyclingTraceSource(trace));
      stopper.join();
      assertThat(r.stopped()).isTrue();
      assertThat(evaluationThreads()).isEmpty();
      assertSameAsSingleThreadedUpTo(trace, r, alerts, engine);
    }
  }

  @Test
  void theTimeLimitStopsEveryWorkerAtOneEvent() throws Exception {
    Path trace = SharedFiles.resolve("traces/cat_write.scap");
    List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
    Engine engine = engine(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, alerts);
    ParallelReplay replay = new ParallelReplay(engine, 2).maxDuration(Duration.ofMillis(300));
    long t0 = System.nanoTime();
    EventLoop.Result r = replay.run(() -> new CyclingTraceSource(trace));
    assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(30));
    assertThat(r.stopped()).isTrue();
    assertThat(r.events()).isPositive();
    assertThat(evaluationThreads()).isEmpty();
    assertSameAsSingleThreadedUpTo(trace, r, alerts, engine);
  }

  @Test
  void stopBeforeTheRunStartsProcessesNothing() throws Exception {
    Path trace = SharedFiles.resolve("traces/curl_google.scap");
    List<Alert> alerts = Collections.synchronizedList(new ArrayList<>());
    Engine engine = engine(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, alerts);
    ParallelReplay replay = new ParallelReplay(engine, 2);
    replay.stop();
    EventLoop.Result r = replay.run(() -> ScapFileSource.open(trace));
    assertThat(r).isEqualTo(new EventLoop.Result(0, 0, true));
    assertThat(alerts).isEmpty();
    assertThatThrownBy(() -> replay.run(() -> ScapFileSource.open(trace)))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void atLeastOneWorker() throws Exception {
    Engine engine = engine(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, new ArrayList<>());
    assertThatThrownBy(() -> new ParallelReplay(engine, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  /** The stopped run equals a single-threaded run over exactly the events it processed. */
  private static void assertSameAsSingleThreadedUpTo(Path trace, EventLoop.Result stopped,
      List<Alert> alerts, Engine engine) throws Exception {
    List<Alert> expected = new ArrayList<>();
    Engine reference = engine(RuleSet.DEFAULT_AND_BUSY, RuleMatching.ALL, expected);
    EventLoop.Result r;
    try (LimitedSource source = new LimitedSource(new CyclingTraceSource(trace), stopped.events())) {
      r = new EventLoop(reference).run(source);
    }
    assertThat(r.events()).isEqualTo(stopped.events());
    assertThat(alerts).containsExactlyElementsOf(expected);
    assertThat(stopped.alerts()).isEqualTo(expected.size());
    assertThat(engine.stats()).containsExactlyElementsOf(reference.stats());
    assertThat(engine.eventsProcessed()).isEqualTo(reference.eventsProcessed());
  }

  private static List<String> evaluationThreads() {
    List<String> names = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("falco-eval-") && t.isAlive()) {
        names.add(t.getName());
      }
    }
    return names;
  }
}
