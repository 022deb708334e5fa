package dev.falco4j.bench;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapReadOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Decode throughput of the scap reader.
 *
 * <ul>
 *   <li>{@link #decodeEvents}: the per-event hot path alone: {@link EventView#reset}, layout
 *       check (length array walk), header getters and every parameter read as an integer, over
 *       the events of a shared trace laid out in one buffer. Expect ~0 B/op with {@code -prof gc}.
 *   <li>{@link #readTrace}: the whole reader (block framing, legacy-header inference, metadata,
 *       window refills) opening the decompressed trace (event blocks repeated) and reading {@value
 *       #READ_EVENTS} events, per event; what it allocates per op is the per-open cost (1 MiB
 *       window, the initial state) divided by the event count: nothing per event.
 *   <li>{@link #baseline}: the same loop reading only each event's 8-byte timestamp.
 * </ul>
 *
 * Run: {@code java -jar benchmarks/target/benchmarks.jar ScapDecodeBenchmark -f 1 -wi 3 -i 3 -w 1
 * -r 1 -prof gc}. Trace from {@code -Dfalco4j.bench.trace=...} (default
 * ../shared/traces/ping_sendto.scap). The race against sysdig on a big file is {@link #main}, driven
 * by {@code benchmarks/decode-race.sh}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ScapDecodeBenchmark {

  /** Events per invocation of the per-event benchmarks (the buffer is cycled). */
  static final int EVENTS_PER_OP = 1526;
  /** Events per invocation of {@link #readTrace} (one open, then this many events). */
  static final int READ_EVENTS = 200_000;

  @Param({"ping_sendto.scap"})
  public String trace;

  private ByteBuffer events;
  private int[] offsets;
  private int count;
  private byte[] file;
  private final EventView view = new EventView();

  @Setup(Level.Trial)
  public void load() throws IOException {
    Path p = tracePath(trace);
    byte[] plain = decompress(p);
    // collect the events as the reader shows them, in v2 layout, into one buffer
    ByteBuffer all = ByteBuffer.allocate(plain.length * 2).order(ByteOrder.LITTLE_ENDIAN);
    int[] offs = new int[1 << 16];
    int n = 0;
    EventView v = new EventView();
    try (ScapFileSource src = ScapFileSource.open(new ByteArrayInputStream(plain), p.toString(),
        ScapReadOptions.defaults())) {
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT && n < offs.length) {
          offs[n++] = all.position();
          v.writeV2(all);
        }
      }
    }
    events = all;
    offsets = java.util.Arrays.copyOf(offs, n);
    count = n;
    // enough copies of the event blocks for READ_EVENTS events per reader pass
    file = multiply(plain, (READ_EVENTS + n - 1) / n);
  }

  static Path tracePath(String name) {
    String dir = System.getProperty("falco4j.bench.traces", "../shared/traces");
    Path p = Path.of(System.getProperty("falco4j.bench.trace", dir + "/" + name));
    if (!Files.isRegularFile(p)) {
      throw new IllegalStateException("trace not found: " + p.toAbsolutePath()
          + " (set -Dfalco4j.bench.trace=FILE)");
    }
    return p;
  }

  static byte[] decompress(Path p) throws IOException {
    byte[] raw = Files.readAllBytes(p);
    if (raw.length > 1 && (raw[0] & 0xFF) == 0x1f && (raw[1] & 0xFF) == 0x8b) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      }
    }
    return raw;
  }

  /** The metadata once, then the event blocks {@code times} times (like scapmul.py). */
  static byte[] multiply(byte[] plain, int times) {
    ByteBuffer b = ByteBuffer.wrap(plain).order(ByteOrder.LITTLE_ENDIAN);
    int off = 0;
    int firstEvent = -1;
    while (off + 8 <= plain.length) {
      int type = b.getInt(off);
      if (type == 0x204 || type == 0x216 || type == 0x221 || type == 0x208 || type == 0x217
          || type == 0x222) {
        firstEvent = off;
        break;
      }
      off += b.getInt(off + 4);
    }
    int evLen = plain.length - firstEvent;
    byte[] out = new byte[firstEvent + evLen * times];
    System.arraycopy(plain, 0, out, 0, firstEvent);
    for (int i = 0; i < times; i++) {
      System.arraycopy(plain, firstEvent, out, firstEvent + i * evLen, evLen);
    }
    return out;
  }

  private int cursor;

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_OP)
  public long decodeEvents() {
    long acc = 0;
    EventView v = view;
    ByteBuffer b = events;
    int c = cursor;
    for (int k = 0; k < EVENTS_PER_OP; k++) {
      if (c == count) {
        c = 0;
      }
      v.reset(b, offsets[c++], 0, 0, k);
      if (v.checkLayout(b.limit()) == EventView.LAYOUT_OK) {
        acc += v.timestamp() ^ v.threadId() ^ v.type();
        for (int i = 0; i < v.paramCount(); i++) {
          acc += v.paramAsLong(i) + v.paramLength(i);
        }
      }
    }
    cursor = c;
    return acc;
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS_PER_OP)
  public long baseline() {
    long acc = 0;
    ByteBuffer b = events;
    int c = cursor;
    for (int k = 0; k < EVENTS_PER_OP; k++) {
      if (c == count) {
        c = 0;
      }
      acc += b.getLong(offsets[c++]);
    }
    cursor = c;
    return acc;
  }

  /** Whole reader over the in-memory file; one op = one event. */
  @Benchmark
  @OperationsPerInvocation(READ_EVENTS)
  public long readTrace() throws IOException {
    return readAll(new ByteArrayInputStream(file), view, READ_EVENTS);
  }

  static long readAll(InputStream in, EventView v, int max) throws IOException {
    long acc = 0;
    try (ScapFileSource src = ScapFileSource.open(in, "bench", ScapReadOptions.defaults())) {
      for (int r; src.eventCount() < max && (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          acc += v.timestamp() ^ v.threadId();
          for (int i = 0; i < v.paramCount(); i++) {
            acc += v.paramAsLong(i) + v.paramLength(i);
          }
        }
      }
    }
    return acc;
  }

  /**
   * The decode race: reads {@code FILE} (a big plain or gzip trace) like {@link #readTrace} and
   * prints events, seconds, events/s and MB/s (of the decompressed stream).
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: ScapDecodeBenchmark TRACE.scap");
    }
    Path p = Path.of(args[0]);
    EventView v = new EventView();
    long t0 = System.nanoTime();
    long events;
    long bytes;
    long acc = 0;
    try (ScapFileSource src = ScapFileSource.open(p, ScapReadOptions.defaults())) {
      for (int r; (r = src.next(v)) != EventSource.END; ) {
        if (r == EventSource.EVENT) {
          acc += v.timestamp() ^ v.threadId();
          for (int i = 0; i < v.paramCount(); i++) {
            acc += v.paramAsLong(i) + v.paramLength(i);
          }
        }
      }
      events = src.eventCount();
      bytes = src.bytesRead();
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("falco4j: %d events, %.1f MB in %.3f s: %.0f events/s, %.1f MB/s (checksum %x)%n",
        events, bytes / 1e6, s, events / s, bytes / 1e6 / s, acc);
  }
}
