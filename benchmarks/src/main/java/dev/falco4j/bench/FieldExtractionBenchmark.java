package dev.falco4j.bench;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldAccessor;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.dsl.compile.FieldValue;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Field extraction for the fields most rules read, through the field catalog's accessors (what
 * compiled conditions call), on a prepared event of a real trace: curl_google.scap replayed through
 * the state tracker up to the exit of curl's {@code open("/etc/hosts")}, so process, parent,
 * ancestors, user and fd come from state rebuilt from real events.
 *
 * <ul>
 *   <li>{@link #cached}: the field read again on the same event (per-event caches warm): the
 *       cost a second rule pays for a field the first one read.
 *   <li>{@link #firstRead}: the context moved to the event again first, so per-event caches (parent,
 *       ancestors) are rebuilt: the cost of the first read on a new event.
 *   <li>{@link #baseline}: only the move of the context, to subtract from {@link #firstRead}.
 * </ul>
 *
 * Targets: {@code proc.name}/{@code fd.name} under 5 ns cached, 0 B/op ({@code -prof gc}).
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar FieldExtraction -f 1 -wi 3 -i 3 -w 1 -r 1 -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldExtractionBenchmark {

  @Param({"proc.name", "fd.name", "evt.type", "user.name", "proc.pname", "proc.aname[2]"})
  public String field;

  /** The prepared event: the exit of the open that returned an fd for this path. */
  @Param({"/etc/hosts"})
  public String openedPath;

  private EvalContext ctx;
  private EventView view;
  private FieldAccessor accessor;
  private final FieldValue value = new FieldValue();

  @Setup(Level.Trial)
  public void prepare() throws IOException {
    RecordedTrace trace = RecordedTrace.load("curl_google.scap");
    FieldCatalog catalog = new FieldCatalog();
    int bracket = field.indexOf('[');
    accessor = bracket < 0 ? catalog.accessor(field, null)
        : catalog.accessor(field.substring(0, bracket),
            field.substring(bracket + 1, field.length() - 1));
    PreparedEvent prepared = PreparedEvent.openExit(trace, catalog, openedPath);
    ctx = prepared.context();
    view = prepared.view();
    if (!accessor.extract(ctx, value)) {
      throw new IllegalStateException(field + " has no value on the prepared event "
          + view.number() + " of " + trace.path());
    }
  }

  @Benchmark
  public long cached() {
    FieldValue v = value;
    return accessor.extract(ctx, v) ? v.length() + v.longValue() : -1;
  }

  @Benchmark
  public long firstRead() {
    ctx.moveTo(view);
    FieldValue v = value;
    return accessor.extract(ctx, v) ? v.length() + v.longValue() : -1;
  }

  @Benchmark
  public long baseline() {
    ctx.moveTo(view);
    return value.length();
  }
}
