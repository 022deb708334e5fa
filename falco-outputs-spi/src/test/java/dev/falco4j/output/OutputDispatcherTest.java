package dev.falco4j.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.output.testing.Alerts;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OutputDispatcherTest {

  /** Records alerts; can be told to fail or to hang. */
  static class ScriptedSink implements OutputSink {
    final String name;
    final List<Alert> got = new CopyOnWriteArrayList<>();
    final CountDownLatch release = new CountDownLatch(1);
    final AtomicInteger opens = new AtomicInteger();
    final AtomicInteger closes = new AtomicInteger();
    volatile boolean hang;
    volatile boolean ignoreInterrupts;
    volatile boolean fail;

    ScriptedSink(String name) {
      this.name = name;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void open() {
      opens.incrementAndGet();
    }

    @Override
    public void deliver(Alert alert) throws IOException {
      if (hang) {
        awaitRelease();
      }
      if (fail) {
        throw new IOException("receiver down");
      }
      got.add(alert);
    }

    private void awaitRelease() throws IOException {
      while (true) {
        try {
          release.await();
          return;
        } catch (InterruptedException e) {
          if (!ignoreInterrupts) {
            throw new java.io.InterruptedIOException("interrupted");
          }
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      closes.incrementAndGet();
    }
  }

  private static void assertBalanced(SinkStats s) {
    assertThat(s.delivered() + s.failed() + s.dropped())
        .as("%s: delivered + failed + dropped == offered", s.name())
        .isEqualTo(s.offered());
  }

  @Test
  void deliversEveryAlertToEverySinkInOrder() {
    ScriptedSink a = new ScriptedSink("a");
    ScriptedSink b = new ScriptedSink("b");
    OutputDispatcher d = OutputDispatcher.builder().sink(a).sink(b).capacity(16)
        .submitTimeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < 100; i++) {
      assertThat(d.submit(Alerts.sample(i))).isTrue();
    }
    assertThat(d.close(Duration.ofSeconds(10))).isTrue();
    assertThat(a.got).hasSize(100);
    assertThat(b.got).extracting(Alert::epochNanos).isSorted();
    DispatcherStats stats = d.stats();
    assertThat(stats.submitted()).isEqualTo(100);
    for (SinkStats s : stats.sinks()) {
      assertThat(s.delivered()).isEqualTo(100);
      assertThat(s.dropped()).isZero();
      assertThat(s.latencyMaxNanos()).isPositive();
      assertThat(s.latencyMeanNanos()).isPositive().isLessThanOrEqualTo(s.latencyMaxNanos());
      assertBalanced(s);
    }
    assertThat(a.opens.get()).isEqualTo(1);
    assertThat(a.closes.get()).isEqualTo(1);
  }

  @Test
  void aHungSinkNeitherBlocksTheProducerNorTheOtherSinks() {
    ScriptedSink stuck = new ScriptedSink("stuck");
    stuck.hang = true;
    stuck.ignoreInterrupts = true; // worst case: a sink that cannot even be interrupted
    ScriptedSink fine = new ScriptedSink("fine");
    OutputDispatcher d = OutputDispatcher.builder().sink(stuck).sink(fine).capacity(8)
        .submitTimeout(Duration.ofSeconds(5)).build();
    for (int i = 0; i < 8; i++) {
      d.submit(Alerts.sample(i));
    }
    waitFor(() -> fine.got.size() == 8);
    assertThat(d.close(Duration.ofMillis(300))).isFalse();
    SinkStats s = d.stats().sink("stuck");
    assertThat(s.delivered()).isZero();
    assertThat(s.dropped()).isEqualTo(8);
    assertBalanced(s);
    assertThat(d.stats().sink("fine").delivered()).isEqualTo(8);
    stuck.release.countDown(); // the late delivery must not be counted twice
    assertThat(d.stats().sink("stuck").dropped()).isEqualTo(8);
    assertBalanced(d.stats().sink("stuck"));
  }

  @Test
  void theProducerWaitsAtMostTheSubmitTimeout() {
    ScriptedSink stuck = new ScriptedSink("stuck");
    stuck.hang = true;
    OutputDispatcher d = OutputDispatcher.builder().sink(stuck).capacity(2)
        .submitTimeout(Duration.ofMillis(30)).build();
    long worst = 0;
    for (int i = 0; i < 10; i++) {
      long t0 = System.nanoTime();
      d.submit(Alerts.sample(i));
      worst = Math.max(worst, System.nanoTime() - t0);
    }
    // At most 2 queued + 1 in flight; each later submit waits its 30 ms, then drops.
    SinkStats s = d.stats().sink("stuck");
    assertThat(s.dropped()).isBetween(7L, 8L);
    assertThat(s.queued()).isLessThanOrEqualTo(2);
    assertThat(TimeUnit.NANOSECONDS.toMillis(worst)).isGreaterThanOrEqualTo(29).isLessThan(1000);
    d.close(Duration.ofMillis(100));
    assertBalanced(d.stats().sink("stuck"));
    assertThat(d.stats().sink("stuck").dropped()).isEqualTo(10);
  }

  @Test
  void failuresAreCountedAndTheSinkIsReopened() {
    ScriptedSink flaky = new ScriptedSink("flaky");
    flaky.fail = true;
    OutputDispatcher d = OutputDispatcher.builder().sink(flaky)
        .submitTimeout(Duration.ofSeconds(5)).build();
    d.submit(Alerts.sample(0));
    waitFor(() -> d.stats().sink("flaky").failed() == 1);
    flaky.fail = false;
    // The failure closed the sink; it is reopened (after a short backoff) for a later alert.
    for (int i = 1; i <= 20 && flaky.got.isEmpty(); i++) {
      d.submit(Alerts.sample(i));
      sleep(50);
    }
    d.close();
    SinkStats s = d.stats().sink("flaky");
    assertThat(s.failed()).isGreaterThanOrEqualTo(1);
    assertThat(s.delivered()).isGreaterThanOrEqualTo(1);
    assertThat(flaky.opens.get()).isGreaterThanOrEqualTo(2);
    assertBalanced(s);
  }

  @Test
  void aPluginErrorIsCountedAndNeverLosesTrackOfAlerts() {
    AtomicInteger calls = new AtomicInteger();
    ScriptedSink plugin = new ScriptedSink("plugin") {
      @Override
      public void deliver(Alert alert) throws IOException {
        int n = calls.incrementAndGet();
        if (n == 1) {
          throw new NoClassDefFoundError("com/example/Missing");
        }
        if (n == 3) {
          throw new StackOverflowError();
        }
        super.deliver(alert);
      }
    };
    OutputDispatcher d = OutputDispatcher.builder().sink(plugin).capacity(4).build();
    for (int i = 0; i < 3; i++) {
      d.submit(Alerts.sample(i));
      int done = i + 1;
      waitFor(() -> calls.get() == done);
    }
    waitFor(() -> !d.stats().sink("plugin").health().healthy());
    for (int i = 3; i < 10; i++) {
      d.submit(Alerts.sample(i)); // the worker is gone: 4 queue up, the rest overflow
    }
    assertThat(d.stats().sink("plugin").health().detail()).contains("StackOverflowError");
    d.close(Duration.ofMillis(200));
    SinkStats s = d.stats().sink("plugin");
    assertThat(s.delivered()).isEqualTo(1);
    assertThat(s.failed()).isEqualTo(2);
    assertThat(s.dropped()).isEqualTo(7);
    assertBalanced(s);
  }

  @Test
  void aFailedFlushShowsInHealthUntilAFlushWorks() {
    AtomicInteger flushes = new AtomicInteger();
    ScriptedSink sink = new ScriptedSink("s") {
      @Override
      public void flush() {
        if (flushes.incrementAndGet() == 1) {
          throw new java.io.UncheckedIOException(new IOException("disk full"));
        }
      }
    };
    OutputDispatcher d = OutputDispatcher.builder().sink(sink).build();
    d.submit(Alerts.sample(0));
    waitFor(() -> !d.stats().sink("s").health().healthy());
    assertThat(d.stats().sink("s").health().detail()).contains("flush failed").contains("disk full");
    d.submit(Alerts.sample(1));
    waitFor(() -> d.stats().sink("s").health().healthy());
    d.close();
  }

  @Test
  void slowDeliveriesAreReportedAsBlocked() {
    ScriptedSink stuck = new ScriptedSink("slow");
    stuck.hang = true;
    OutputDispatcher d = OutputDispatcher.builder().sink(stuck)
        .outputTimeout(Duration.ofMillis(50)).build();
    d.submit(Alerts.sample(0));
    waitFor(() -> d.stats().sink("slow").blockedEpisodes() == 1);
    stuck.release.countDown();
    d.close();
    assertThat(d.stats().sink("slow").delivered()).isEqualTo(1);
    assertThat(d.stats().sink("slow").blockedEpisodes()).isEqualTo(1);
  }

  @Test
  void theFloodGuardFoldsRepeatsIntoOneCountedAlert() {
    ScriptedSink sink = new ScriptedSink("s");
    OutputDispatcher d = OutputDispatcher.builder().sink(sink)
        .floodGuard(Duration.ofSeconds(30)).build();
    Alert same = Alerts.sample(1);
    for (int i = 0; i < 5; i++) {
      d.submit(same);
    }
    d.submit(Alerts.sample(2)); // other output fields: not a repeat
    d.submit(Alert.builder().epochNanos(1).rule(same.rule()).priority(same.priority())
        .output("reads differently").outputFields(same.outputFields()).build()); // nor this
    d.close(Duration.ofSeconds(5));
    assertThat(sink.got).extracting(Alert::count).containsExactly(1, 1, 1, 4);
    assertThat(sink.got.get(3).outputFields()).isEqualTo(same.outputFields());
    DispatcherStats st = d.stats();
    assertThat(st.folded()).isEqualTo(4);
    assertThat(st.summaries()).isEqualTo(1);
    assertThat(st.submitted() - st.folded() + st.summaries()).isEqualTo(st.sinks().get(0).offered());
  }

  @Test
  void theFloodGuardEmitsTheSummaryWhenTheWindowEnds() {
    ScriptedSink sink = new ScriptedSink("s");
    OutputDispatcher d = OutputDispatcher.builder().sink(sink)
        .floodGuard(Duration.ofMillis(100)).build();
    for (int i = 0; i < 3; i++) {
      d.submit(Alerts.sample(7));
    }
    // Without close, the monitor must emit the summary once the window is over. (Should this
    // thread be descheduled for a whole window, the repeats split differently, but the counts
    // still add up to every alert submitted.)
    waitFor(() -> totalCount(sink) == 3);
    assertThat(sink.got.size()).isBetween(2, 3);
    assertThat(sink.got.get(0).count()).isEqualTo(1);
    d.submit(Alerts.sample(7)); // a new window: passes at once
    waitFor(() -> totalCount(sink) == 4);
    assertThat(sink.got.get(sink.got.size() - 1).count()).isEqualTo(1);
    d.close();
    assertThat(totalCount(sink)).isEqualTo(4);
  }

  private static int totalCount(ScriptedSink sink) {
    int n = 0;
    for (Alert a : sink.got) {
      n += a.count();
    }
    return n;
  }

  @Test
  void theFloodGuardIsOffByDefault() {
    ScriptedSink sink = new ScriptedSink("s");
    OutputDispatcher d = OutputDispatcher.builder().sink(sink).build();
    for (int i = 0; i < 5; i++) {
      d.submit(Alerts.sample(1));
    }
    d.close();
    assertThat(sink.got).hasSize(5);
  }

  @Test
  void alertsAfterCloseAreCountedAsDropped() {
    ScriptedSink sink = new ScriptedSink("s");
    OutputDispatcher d = OutputDispatcher.builder().sink(sink).build();
    d.close();
    assertThat(d.submit(Alerts.sample(0))).isFalse();
    SinkStats s = d.stats().sink("s");
    assertThat(s.dropped()).isEqualTo(1);
    assertBalanced(s);
    assertThat(d.close(Duration.ZERO)).isTrue(); // idempotent
  }

  @Test
  void reopenIsPassedToEverySink() {
    ScriptedSink sink = new ScriptedSink("s");
    OutputDispatcher d = OutputDispatcher.builder().sink(sink).build();
    waitFor(() -> sink.opens.get() == 1);
    d.reopen();
    waitFor(() -> sink.opens.get() == 2);
    d.close();
    assertThat(sink.closes.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void buildsFromFalcoYaml(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path file = dir.resolve("events.txt");
    Map<String, Object> yaml = Map.of(
        "json_output", true,
        "outputs_queue", Map.of("capacity", 3),
        "file_output", Map.of("enabled", true, "keep_alive", true, "filename", file.toString()),
        "stdout_output", Map.of("enabled", false));
    OutputDispatcher d = OutputDispatcher.fromConfig(yaml, getClass().getClassLoader());
    assertThat(d.stats().sinks()).extracting(SinkStats::name).containsExactly("file");
    assertThat(d.stats().sink("file").capacity()).isEqualTo(3);
    d.submit(Alerts.sample(1));
    d.close();
    assertThat(java.nio.file.Files.readAllLines(file)).singleElement().asString()
        .startsWith("{\"hostname\":\"host1\"");
  }

  @Test
  void rejectsBadSettings() {
    assertThatThrownBy(() -> OutputDispatcher.builder().capacity(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutputDispatcher.builder().submitTimeout(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> OutputDispatcher.builder().floodGuard(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> OutputDispatcher.builder().sink(new ScriptedSink("a")).sink(new ScriptedSink("a"))
                .build())
        .hasMessageContaining("two sinks are named 'a'");
  }

  static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 10 s");
      }
      sleep(5);
    }
  }

  static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
