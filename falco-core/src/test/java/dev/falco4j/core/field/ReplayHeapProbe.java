package dev.falco4j.core.field;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import dev.falco4j.dsl.compile.FieldValue;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;

/**
 * Measurement tool (not a test): replays a trace through the state tracker, extracts proc.name and
 * fd.name on every event, and at 1M, 2M, 5M and 10M events prints the live heap after a full GC,
 * so that a flat live set shows the state stays bounded. Usage:
 *
 * <pre>
 * python3 ../shared/tools/scapmul.py ../shared/traces/curl_google.scap /tmp/big.scap 6511
 * java -cp falco-core/target/classes:falco-core/target/test-classes:DEPS \
 *     dev.falco4j.core.field.ReplayHeapProbe /tmp/big.scap
 * </pre>
 */
public final class ReplayHeapProbe {

  private ReplayHeapProbe() {}

  /** Entry point: the trace path. */
  public static void main(String[] args) throws Exception {
    SystemState state = new SystemState();
    EvalContext ctx = new EvalContext(state);
    FieldCatalog catalog = new FieldCatalog();
    FieldAccessor name = catalog.accessor("proc.name", null);
    FieldAccessor fdName = catalog.accessor("fd.name", null);
    FieldValue v = new FieldValue();
    MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
    long[] marks = {1_000_000, 2_000_000, 5_000_000, 10_000_000};
    int next = 0;
    long hits = 0;
    long start = System.nanoTime();
    try (EventSource src = ScapFileSource.open(Path.of(args[0]))) {
      TraceSeeder seeder = new TraceSeeder();
      seeder.load(src.initialState(), state);
      EventView ev = new EventView();
      long n = 0;
      int r;
      while ((r = src.next(ev)) != EventSource.END) {
        if (r == EventSource.NEW_SECTION) {
          seeder.load(src.initialState(), state);
          continue;
        }
        if (r != EventSource.EVENT) {
          continue;
        }
        ctx.next(ev);
        if (name.extract(ctx, v)) {
          hits++;
        }
        if (fdName.extract(ctx, v)) {
          hits++;
        }
        n++;
        if (next < marks.length && n == marks[next]) {
          System.gc();
          System.gc();
          long used = mem.getHeapMemoryUsage().getUsed();
          System.out.printf("events %,d: live heap %,d bytes (%.1f MiB), threads %d,"
              + " elapsed %.1f s%n", n, used, used / 1048576.0, state.threads().size(),
              (System.nanoTime() - start) / 1e9);
          next++;
        }
      }
      System.out.printf("done: %,d events, %,d values extracted, %.1f s%n", n, hits,
          (System.nanoTime() - start) / 1e9);
    }
  }
}
