package dev.falco4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.output.Alert;
import dev.falco4j.output.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link AlertQueue}: bounded, first in first out, one producer and one consumer thread. */
class AlertQueueTest {

  private static Alert alert(int n) {
    return Alert.builder().epochNanos(n).rule("r" + n).priority(Priority.NOTICE).source("syscall")
        .output("o" + n).hostname("h").build();
  }

  @Test
  void boundedAndInOrderAcrossWrapArounds() {
    AlertQueue q = new AlertQueue(4);
    assertThat(q.isEmpty()).isTrue();
    int next = 0;
    int expected = 0;
    for (int round = 0; round < 10; round++) {
      while (q.offer(next, alert(next))) {
        next++;
      }
      assertThat(q.size()).isEqualTo(4);
      for (int i = 0; i < 3; i++) {
        assertThat(q.firstPosition()).isEqualTo(expected);
        assertThat(q.take().rule()).isEqualTo("r" + expected);
        expected++;
      }
    }
    while (!q.isEmpty()) {
      assertThat(q.take().rule()).isEqualTo("r" + expected++);
    }
    assertThat(expected).isEqualTo(next);
  }

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void aProducerAndAConsumerThreadLoseNothing() throws Exception {
    AlertQueue q = new AlertQueue(8);
    int total = 100_000;
    Alert a = alert(0);
    Thread producer = new Thread(() -> {
      for (int i = 0; i < total; i++) {
        while (!q.offer(i, a)) {
          Thread.onSpinWait();
        }
      }
    });
    producer.start();
    List<Long> wrong = new ArrayList<>();
    for (long expected = 0; expected < total; ) {
      if (q.isEmpty()) {
        Thread.onSpinWait();
        continue;
      }
      if (q.firstPosition() != expected || q.take() != a) {
        wrong.add(expected);
      }
      expected++;
    }
    producer.join();
    assertThat(wrong).isEmpty();
    assertThat(q.isEmpty()).isTrue();
  }
}
