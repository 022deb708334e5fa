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
import dev.falco4j.examples.cli.CommandLineParser.Option;
import dev.falco4j.examples.cli.CommandLineParser.Parameter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code falco inspect TRACE [-p FORMAT] [FILTER]}: prints the events of a trace file the way
 * {@code sysdig -r TRACE [-p FORMAT] [FILTER]} does. Events go through the state tracker, so
 * formats and filters can use every field of the catalog ({@code proc.name}, {@code fd.name},
 * {@code user.name}...). Without {@code -p} each line is sysdig's default: number, time, cpu,
 * process name, thread id, direction, type and arguments. As in sysdig, a format whose fields are
 * not all present prints nothing for that event unless it starts with {@code *}; internal events
 * ({@code procinfo}) show only with {@code -D}; the leading container events of a file are consumed.
 */
public final class InspectCommand {

  /**
   * sysdig's default line up to the arguments ({@code evt.outputtime} is {@code evt.time} without
   * -t options); the arguments follow, each with a trailing space as sysdig prints them.
   */
  static final String DEFAULT_FORMAT =
      "*%evt.num %evt.time %evt.cpu %proc.name (%thread.tid) %evt.dir %evt.type ";

  static final Option PRINT = Option.value("FORMAT",
      "Output format (sysdig -p style); a leading '*' prints every event.", "-p", "--print");
  static final Option DEBUG =
      Option.flag("Also print internal events (procinfo...), like sysdig -D.", "-D", "--debug");
  static final Option SYSDIG_TABLES = Option.flag("Decode with the event tables of sysdig 0.29.3"
      + " instead of the current ones (same parameter types as that sysdig; newer event types are"
      + " skipped).", "--sysdig-tables");
  static final Option HELP = Option.flag("Show this help message and exit.", "-h", "--help");
  static final Option VERSION =
      Option.flag("Print version information and exit.", "-V", "--version");

  /** The {@code falco inspect} command line. */
  static final CommandLineParser PARSER = new CommandLineParser("falco inspect",
      List.of(
          "Print the events of a .scap trace like 'sysdig -r TRACE [-p FORMAT] [FILTER]' does.",
          "Fields for FORMAT and FILTER: see 'falco --list'."),
      List.of(PRINT, DEBUG, SYSDIG_TABLES, HELP, VERSION),
      List.of(
          new Parameter("TRACE", "A .scap or .scap.gz trace file.", true, false),
          new Parameter("FILTER", "A filter condition in Falco's language"
              + " (words are joined with spaces).", false, true)),
      List.of());

  private final Path trace;
  private final List<String> filter;
  private final String format;
  private final boolean debug;
  private final boolean sysdigTables;

  private InspectCommand(Path trace, List<String> filter, String format, boolean debug,
      boolean sysdigTables) {
    this.trace = trace;
    this.filter = filter;
    this.format = format;
    this.debug = debug;
    this.sysdigTables = sysdigTables;
  }

  /**
   * Runs {@code falco inspect} on {@code args} from index {@code from} (after the word
   * {@code inspect}); returns the exit code.
   */
  static int execute(String[] args, int from, PrintWriter out, PrintWriter err) {
    InspectCommand command;
    try {
      ParsedCommandLine parsed = PARSER.parse(args, from);
      if (parsed.flag(HELP)) {
        out.print(PARSER.help());
        return ExitCodes.OK;
      }
      if (parsed.flag(VERSION)) {
        FalcoCommand.printVersion(out);
        return ExitCodes.OK;
      }
      if (parsed.problem() != null) {
        throw parsed.problem();
      }
      List<String> parameters = parsed.parameters();
      Path trace;
      try {
        trace = Path.of(parameters.get(0));
      } catch (InvalidPathException e) {
        throw new CommandLineException(PARSER, "Invalid value for parameter 'TRACE': '"
            + parameters.get(0) + "': " + e.getReason());
      }
      command = new InspectCommand(trace, parameters.subList(1, parameters.size()),
          parsed.value(PRINT), parsed.flag(DEBUG), parsed.flag(SYSDIG_TABLES));
    } catch (CommandLineException e) {
      return FalcoCommand.usageError(err, e);
    }
    return command.run(out, err);
  }

  private int run(PrintWriter out, PrintWriter err) {
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
