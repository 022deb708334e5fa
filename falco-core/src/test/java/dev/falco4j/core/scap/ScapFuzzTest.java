package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventFormatter;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.testing.SharedFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Mutated and truncated copies of the shared traces (fixed seed, bounded count and time): every
 * input must end in events or a clean {@link ScapFormatException}, never another exception, a
 * hang or an OutOfMemoryError. Every parameter of every delivered event is rendered, so decoding
 * of corrupt parameter bytes is exercised too.
 */
class ScapFuzzTest {

  private static final long SEED = 0xF41C04L;
  private static final int CASES = 1000;
  private static final long TIME_BUDGET_NANOS = 30_000_000_000L;

  @Test
  void mutatedTracesEndInEventsOrACleanError() throws Exception {
    List<byte[]> corpus = new ArrayList<>();
    for (String t : new String[] {"traces/syscall.scap", "traces/empty.scap",
        "traces/synthetic/synthetic.scap", "traces/connect_localhost.scap"}) {
      corpus.add(TraceBytes.decompressed(SharedFiles.resolve(t)));
    }
    Random rnd = new Random(SEED);
    long deadline = System.nanoTime() + TIME_BUDGET_NANOS;
    int clean = 0;
    int errors = 0;
    int cases = 0;
    for (; cases < CASES && System.nanoTime() < deadline; cases++) {
      byte[] base = corpus.get(rnd.nextInt(corpus.size()));
      byte[] d = mutate(base, rnd);
      boolean gz = rnd.nextInt(4) == 0;
      byte[] input = gz ? TraceBytes.gzip(d) : d;
      if (gz && rnd.nextBoolean()) {
        input = Arrays.copyOf(input, rnd.nextInt(input.length));
      }
      String what = "case " + cases + " (seed " + SEED + ")";
      try {
        consume(input, rnd.nextBoolean());
        clean++;
      } catch (ScapFormatException e) {
        assertThat(e.getMessage()).as(what).startsWith("fuzz.scap: ");
        errors++;
      } catch (IOException | RuntimeException | Error e) {
        throw new AssertionError(what + " ended in " + e, e);
      }
    }
    assertThat(cases).isGreaterThan(50);
    assertThat(clean).isPositive();
    assertThat(errors).isPositive();
  }

  private static void consume(byte[] input, boolean strict) throws IOException {
    EventView v = new EventView();
    EventFormatter f = new EventFormatter();
    StringBuilder sb = new StringBuilder();
    try (ScapFileSource src = ScapFileSource.open(new ByteArrayInputStream(input), "fuzz.scap",
        new ScapReadOptions(strict, 1 << 24, 4096))) {
      src.initialState();
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          sb.setLength(0);
          f.appendArgs(v, sb);
          f.typeName(v);
          for (int i = 0; i < v.paramCount(); i++) {
            v.paramAsLong(i);
            v.stringArray(i).size();
            v.fdList(i).size();
            v.sockaddr(i).port();
            v.socktuple(i).destPort();
          }
        }
      }
    }
  }

  private static byte[] mutate(byte[] base, Random rnd) {
    byte[] d = base.clone();
    switch (rnd.nextInt(5)) {
      case 0: // flip a few random bytes
        for (int i = 0, n = 1 + rnd.nextInt(8); i < n; i++) {
          d[rnd.nextInt(d.length)] ^= (byte) (1 + rnd.nextInt(255));
        }
        return d;
      case 1: // truncate
        return Arrays.copyOf(d, rnd.nextInt(d.length));
      case 2: { // rewrite a block length
        List<Integer> blocks = TraceBytes.blockOffsets(d);
        int off = blocks.get(rnd.nextInt(blocks.size()));
        TraceBytes.putInt(d, off + 4, rnd.nextBoolean() ? rnd.nextInt() : rnd.nextInt(64));
        return d;
      }
      case 3: { // corrupt bytes inside an event header or its length array
        List<Integer> blocks = TraceBytes.blockOffsets(d);
        int off = blocks.get(blocks.size() / 2 + rnd.nextInt(blocks.size() / 2));
        int at = off + 10 + rnd.nextInt(30);
        if (at + 2 <= d.length) {
          TraceBytes.putShort(d, at, rnd.nextInt(65536));
        }
        return d;
      }
      default: { // corrupt bytes inside a metadata block
        List<Integer> blocks = TraceBytes.blockOffsets(d);
        int off = blocks.get(1 + rnd.nextInt(Math.min(6, blocks.size() - 1)));
        int at = off + 8 + rnd.nextInt(200);
        if (at + 4 <= d.length) {
          TraceBytes.putInt(d, at, rnd.nextInt());
        }
        return d;
      }
    }
  }
}
