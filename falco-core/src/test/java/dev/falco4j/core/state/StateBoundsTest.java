package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StateBoundsTest {

  private static final long SECOND = 1_000_000_000L;

  private static StateLimits limits(int threads, int fds) {
    return new StateLimits(threads, fds, 100 * SECOND, 10 * SECOND, 2);
  }

  @Test
  void threadTableDropsNewThreadsWhenFull() {
    FdPool pool = new FdPool(4);
    ThreadTable table = new ThreadTable(limits(2, 8), pool);
    assertThat(table.add(table.newThread(1))).isTrue();
    assertThat(table.add(table.newThread(2))).isTrue();
    assertThat(table.add(table.newThread(3))).isFalse();
    assertThat(table.droppedCount()).isEqualTo(1);
    assertThat(table.size()).isEqualTo(2);
    // replacing an existing tid is not a new thread
    assertThat(table.add(table.newThread(2))).isTrue();
    assertThat(table.droppedCount()).isEqualTo(1);
  }

  @Test
  void inactiveThreadsExpireByEventTime() {
    ThreadTable table = new ThreadTable(limits(100, 8), new FdPool(4));
    for (long tid = 1; tid <= 10; tid++) {
      ThreadInfo t = table.newThread(tid);
      t.lastEventTs = tid <= 5 ? 1 * SECOND : 150 * SECOND;
      table.add(t);
    }
    table.maybeExpire(1 * SECOND, -1); // first call only starts the clock
    table.maybeExpire(5 * SECOND, -1); // scan not due yet
    assertThat(table.size()).isEqualTo(10);
    table.maybeExpire(200 * SECOND, 3); // cutoff 100 s; tid 3 is the current event's
    assertThat(table.size()).isEqualTo(6);
    assertThat(table.get(3)).isNotNull();
    assertThat(table.get(4)).isNull();
    assertThat(table.expiredCount()).isEqualTo(4);
  }

  @Test
  void exitedMainThreadStaysWhileItsThreadsLive() {
    ThreadTable table = new ThreadTable(limits(100, 8), new FdPool(4));
    ThreadInfo main = table.newThread(100);
    table.add(main);
    ThreadInfo worker = table.newThread(101);
    worker.pid = 100;
    table.add(worker);
    worker.fds.releaseSharer();
    table.joinProcess(worker, main, true);
    assertThat(worker.fds()).isSameAs(main.fds());
    assertThat(main.threadCount()).isEqualTo(2);

    table.remove(100);
    assertThat(table.get(100)).isSameAs(main);
    assertThat(main.dead).isTrue();
    table.remove(101);
    assertThat(table.get(101)).isNull();
    assertThat(table.get(100)).isNull();
  }

  @Test
  void fdTableIsBoundedAndFdsAreRecycled() {
    FdPool pool = new FdPool(2);
    FdTable fds = new FdTable(2);
    FdInfo a = pool.acquire(3, FdType.FILE);
    FdInfo b = pool.acquire(4, FdType.FILE);
    FdInfo c = pool.acquire(5, FdType.FILE);
    assertThat(fds.put(a)).isNull();
    assertThat(fds.put(b)).isNull();
    assertThat(fds.put(c)).as("full table rejects a new fd").isSameAs(c);
    assertThat(fds.size()).isEqualTo(2);
    FdInfo a2 = pool.acquire(3, FdType.DIRECTORY);
    assertThat(fds.put(a2)).as("same fd number replaces").isSameAs(a);
    pool.release(fds.remove(4));
    FdInfo reused = pool.acquire(9, FdType.FIFO);
    assertThat(reused).isSameAs(b);
    assertThat(reused.fd()).isEqualTo(9);
    assertThat(reused.type()).isEqualTo(FdType.FIFO);
    assertThat(reused.name()).isEmpty();
    assertThat(fds.get(4)).isNull();
    assertThat(fds.get(3)).isSameAs(a2);
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new StateLimits(0, 1, 1, 1, 0))
        .hasMessageContaining("maxThreads=0");
    assertThatThrownBy(() -> new StateLimits(1, 1, 0, 1, 0))
        .hasMessageContaining("must be positive");
  }
}
