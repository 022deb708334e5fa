package dev.falco4j.examples.cli;

import dev.falco4j.core.event.EventCategory;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceStats;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldAccessor;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.field.OutputFormat;
import dev.falco4j.core.scap.ScapFileSource;
import dev.falco4j.core.scap.ScapFormatException;
import dev.falco4j.core.scap.ScapReadOptions;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.TraceSeeder;
import dev.falco4j.dsl.CompileResult;
import dev.falco4j.dsl.CompiledCondition;
import dev.falco4j.dsl.ConditionParser;
import dev.falco4j.dsl.Diagnostic;
import dev.falco4j.dsl.ParseResult;
import dev.falco4j.dsl.ast.Expander;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code falco inspect TRACE [-p FORMAT] [FILTER]}: prints the events of a trace file the way
 * {@code sysdig -r TRACE [-p FORMAT] [FILTER]} does. Events go through the state tracker, so
 * formats and filters can use every field of the catalog ({@code proc.name}, {@code fd.name},
 * {@code user.name}...). Without {@code -p} each line is sysdig's default: number, time, cpu,
 * process name, thread id, direction, type and arguments. As in sysdig, a format whose fields are
 * not all present prints nothing for that event unless it starts with {@code *}; internal events
 * ({@code procinfo}) show only with {@code -D}; the leading container events of a file are consumed.
 */
@Command(
    name = "inspect",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Print the events of a .scap trace like 'sysdig -r TRACE [-p FORMAT] [FILTER]' does.",
      "Fields for FORMAT and FILTER: see 'falco --list'."
    })
public final class InspectCommand implements Callable<Integer> {

  /**
   * sysdig's default line up to the arguments ({@code evt.outputtime} is {@code evt.time} without
   * -t options); the arguments follow, each with a trailing space as sysdig prints them.
   */
  static final String DEFAULT_FORMAT =
      "*%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type ";

  @Parameters(index = "0", paramLabel = "TRACE", description = "A .scap or .scap.gz trace file.")
  Path trace;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "FILTER",
      description = "A filter condition in Falco's language (words are joined with spaces).")
  List<String> filter = new ArrayList<>();

  @Option(
      names = {"-p", "--print"},
      paramLabel = "FORMAT",
      description = "Output format (sysdig -p style); a leading '*' prints every event.")
  String format;

  @Option(
      names = {"-D", "--debug"},
      description = "Also print internal events (procinfo...), like sysdig -D.")
  boolean debug;

  @Option(
      names = "--sysdig-tables",
      description = "Decode with the event tables of sysdig 0.29.3 instead of the current ones"
          + " (same parameter types as that sysdig; newer event types are skipped).")
  boolean sysdigTables;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(trace)) {
      return fail(err, ExitCodes.FAILURE, trace + ": no such file");
    }
    EventTable table = sysdigTables ? EventTable.sysdig029() : EventTable.current();
    FieldCatalog catalog = new FieldCatalog(table, false);
    OutputFormat output;
    FieldAccessor args = null;
    try {
      output = OutputFormat.sysdigStyle(format == null ? DEFAULT_FORMAT : format, catalog);
      if (format == null) {
        args = catalog.accessor("evt.args", null);
      }
    } catch (IllegalArgumentException e) {
      return fail(err, ExitCodes.USAGE, e.getMessage());
    }
    CompiledCondition<EvalContext> condition = null;
    if (!filter.isEmpty()) {
      condition = compileFilter(String.join(" ", filter), catalog, err);
      if (condition == null) {
        return ExitCodes.USAGE;
      }
    }
    EventView ev = new EventView(table);
    SystemState state = new SystemState();
    TraceSeeder seeder = new TraceSeeder();
    EvalContext ctx = new EvalContext(state);
    StringBuilder line = new StringBuilder(256);
    try (ScapFileSource src = ScapFileSource.open(trace, ScapReadOptions.defaults(), table)) {
      seeder.load(src.initialState(), state);
      boolean leading = true;
      for (int r; (r = src.next(ev)) != EventSource.END; ) {
        if (r == EventSource.NEW_SECTION) {
          seeder.load(src.initialState(), state);
          continue;
        }
        if (r != EventSource.EVENT) {
          continue;
        }
        ctx.next(ev);
        // sysdig consumes the leading container events while opening a file
        if (leading && isContainer(ev.type())) {
          continue;
        }
        leading = false;
        if (!debug && (ev.info().category() & EventCategory.INTERNAL) != 0) {
          continue;
        }
        if (condition != null && !condition.test(ctx)) {
          continue;
        }
        line.setLength(0);
        if (output.render(ctx, line)) {
          if (args != null) {
            int mark = line.length();
            if (args.display(ctx, line) && line.length() > mark) {
              if (line.charAt(line.length() - 1) != ' ') {
                line.append(' '); // sysdig ends every name=value pair with a space
              }
            } else {
              line.setLength(mark);
            }
          }
          out.println(line);
        }
      }
      out.flush();
      EventSourceStats s = src.stats();
      if (s.skippedMalformed() > 0) {
        err.println("falco inspect: skipped " + s.skippedMalformed() + " malformed events; first: "
            + s.firstProblem());
        err.flush();
      }
      return ExitCodes.OK;
    } catch (ScapFormatException e) {
      out.flush();
      return fail(err, ExitCodes.FAILURE, e.getMessage());
    } catch (IOException e) {
      out.flush();
      return fail(err, ExitCodes.FAILURE, trace + ": " + e.getMessage());
    }
  }

  private static CompiledCondition<EvalContext> compileFilter(
      String text, FieldCatalog catalog, PrintWriter err) {
    ParseResult parsed = ConditionParser.create().parse(text, "filter", 1, 1);
    if (!parsed.ok()) {
      report(parsed.diagnostics(), err);
      return null;
    }
    Expander.Result expanded = new Expander(name -> null, name -> null).expand(parsed.expr());
    if (expanded.hasErrors()) {
      report(expanded.diagnostics(), err);
      return null;
    }
    CompileResult<EvalContext> compiled =
        dev.falco4j.dsl.ConditionCompiler.create(catalog).compile(expanded.expr(), parsed.source());
    if (!compiled.ok()) {
      report(compiled.errors(), err);
      return null;
    }
    return compiled.condition();
  }

  private static void report(List<Diagnostic> diagnostics, PrintWriter err) {
    for (Diagnostic d : diagnostics) {
      err.println(d.render());
    }
    err.flush();
  }

  private static int fail(PrintWriter err, int code, String message) {
    err.println("falco inspect: " + message);
    err.flush();
    return code;
  }

  private static boolean isContainer(int type) {
    return type == EventType.CONTAINER_E || type == EventType.CONTAINER_JSON_E
        || type == EventType.CONTAINER_JSON_2_E;
  }
}
