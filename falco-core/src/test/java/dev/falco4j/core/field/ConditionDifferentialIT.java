package dev.falco4j.core.field;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventCategory;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapReadOptions;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import dev.falco4j.core.testing.Prerequisites;
import dev.falco4j.core.testing.SharedFiles;
import dev.falco4j.dsl.CompiledCondition;
import dev.falco4j.dsl.ConditionCompiler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Conditions compiled against the field catalog select the same events as sysdig 0.29.3's filter
 * on the shared traces (same event numbers), and the default {@code sysdig -r} line rendered with
 * {@link OutputFormat} equals sysdig's for every event.
 */
class ConditionDifferentialIT {

  private static final List<String> CONDITIONS = List.of(
      "evt.type = open and fd.name startswith /etc",
      "evt.type in (open, openat) and evt.dir = < and not fd.name contains lib",
      "proc.name = curl and fd.type = ipv6",
      "fd.sport = 53",
      "fd.sip = 127.0.0.1",
      "evt.failed = true",
      "evt.res = ENOENT",
      "proc.pname = bash and evt.type = execve",
      "fd.typechar = f and evt.is_io_read = true",
      "fd.directory = /etc and fd.filename glob 'ld.so.*'",
      "thread.ismain = false",
      "user.name = root and evt.type = close",
      "proc.aname[1] = bash",
      // without an index the ancestors are candidates: in matches when any ancestor is listed
      "proc.aname in (bash, nosuch)",
      "fd.sip != 127.0.0.1 and evt.type in (connect, sendto)",
      "evt.rawres < 0 and evt.dir = <",
      "fd.l4proto = udp",
      "container.id != host");

  private static final String DEFAULT_LINE =
      "*%evt.num %evt.outputtime %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type %evt.info";

  @Test
  void conditionsSelectTheEventsSysdigSelects() throws Exception {
    Path sysdig = Prerequisites.sysdig();
    FieldCatalog catalog = new FieldCatalog(EventTable.sysdig029(), false);
    ConditionCompiler<EvalContext> compiler = ConditionCompiler.create(catalog);
    int compared = 0;
    for (Path trace : SharedFiles.traces()) {
      for (String cond : CONDITIONS) {
        CompiledCondition<EvalContext> c = compiler.compile(cond).conditionOrThrow();
        List<Long> ours = new ArrayList<>();
        replay(trace, ctx -> {
          // sysdig applies filters only without -D, and then hides internal events (procinfo).
          boolean shown = ctx.event().info() != null
              && (ctx.event().info().category() & EventCategory.INTERNAL) == 0
              && !ctx.event().info().name().equals("container");
          if (shown && c.canMatchEventType(catalog.eventTypeId(ctx.event())) && c.test(ctx)) {
            ours.add(ctx.event().number());
          }
        });
        List<Long> theirs = new ArrayList<>();
        for (String line : run(sysdig, trace, false, "*%evt.num", cond).split("\n")) {
          if (!line.isBlank()) {
            theirs.add(Long.parseLong(line.trim()));
          }
        }
        assertThat(ours).as(trace.getFileName() + ": " + cond).isEqualTo(theirs);
        compared++;
      }
    }
    assertThat(compared).isEqualTo(CONDITIONS.size() * SharedFiles.traces().size());
  }

  @Test
  void defaultLineMatchesSysdig() throws Exception {
    Path sysdig = Prerequisites.sysdig();
    FieldCatalog catalog = new FieldCatalog(EventTable.sysdig029(), false);
    OutputFormat format = OutputFormat.sysdigStyle(DEFAULT_LINE, catalog);
    for (Path trace : SharedFiles.traces()) {
      StringBuilder ours = new StringBuilder();
      replay(trace, ctx -> {
        if (ctx.event().info() != null && !ctx.event().info().name().equals("container")) {
          format.render(ctx, ours);
          ours.append('\n');
        }
      });
      String theirs = run(sysdig, trace, true, DEFAULT_LINE, null);
      assertThat(ours.toString()).as(trace.getFileName().toString()).isEqualTo(theirs);
    }
  }

  private interface PerEvent {
    void accept(EvalContext ctx);
  }

  private static void replay(Path trace, PerEvent perEvent) throws IOException {
    EventTable table = EventTable.sysdig029();
    SystemState state = new SystemState();
    EvalContext ctx = new EvalContext(state);
    TraceSeeder seeder = new TraceSeeder();
    try (EventSource src = ScapFileSource.open(trace, ScapReadOptions.defaults(), table)) {
      seeder.load(src.initialState(), state);
      EventView ev = new EventView(table);
      int r;
      while ((r = src.next(ev)) != EventSource.END) {
        if (r == EventSource.NEW_SECTION) {
          seeder.load(src.initialState(), state);
        } else if (r == EventSource.EVENT) {
          ctx.next(ev);
          perEvent.accept(ctx);
        }
      }
    }
  }

  /** Runs sysdig; with {@code debug} (-D) it shows every event but ignores filters. */
  private static String run(Path sysdig, Path trace, boolean debug, String format, String filter)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(sysdig.toString()));
    if (debug) {
      cmd.add("-D");
    }
    cmd.addAll(List.of("-r", trace.toString(), "-p", format));
    if (filter != null) {
      cmd.add(filter);
    }
    Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("sysdig did not finish on " + trace);
    }
    return out;
  }
}
