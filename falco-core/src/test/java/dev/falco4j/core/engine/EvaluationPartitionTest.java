package dev.falco4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link EvaluationPartition}: which worker evaluates an event. */
class EvaluationPartitionTest {

  @Test
  void byProcessWithoutAKnownThreadTheThreadIdDecidesAndPidsSpreadEvenly() {
    int[] perWorker = new int[3];
    for (long tid = 1; tid <= 30_000; tid++) {
      int w = EvaluationPartition.PROCESS.workerOf(tid, null, tid, 3);
      assertThat(w).isBetween(0, 2);
      // The event position plays no part: the same thread always lands on the same worker.
      assertThat(EvaluationPartition.PROCESS.workerOf(tid * 7 + 1, null, tid, 3)).isEqualTo(w);
      perWorker[w]++;
    }
    for (int n : perWorker) {
      assertThat(n).isBetween(9_000, 11_000);
    }
  }

  @Test
  void oneWorkerTakesEverything() {
    for (long tid = -2; tid < 1000; tid++) {
      assertThat(EvaluationPartition.PROCESS.workerOf(tid, null, tid, 1)).isZero();
      assertThat(EvaluationPartition.EVENT.workerOf(tid + 3, null, tid, 1)).isZero();
    }
  }

  @Test
  void byEventTheWorkersTakeTurns() {
    assertThat(EvaluationPartition.EVENT.workerOf(1, null, 42, 2)).isEqualTo(1);
    assertThat(EvaluationPartition.EVENT.workerOf(2, null, 42, 2)).isEqualTo(0);
    assertThat(EvaluationPartition.EVENT.workerOf(7, null, 42, 3)).isEqualTo(1);
  }

  @Test
  void parsesItsNames() {
    assertThat(EvaluationPartition.parse("process")).isEqualTo(EvaluationPartition.PROCESS);
    assertThat(EvaluationPartition.parse(" EVENT ")).isEqualTo(EvaluationPartition.EVENT);
    assertThatThrownBy(() -> EvaluationPartition.parse("thread"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown evaluation partition 'thread', expected process or event");
  }
}
