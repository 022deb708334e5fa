package dev.falco4j.examples.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;

/**
 * The {@code falco} command: with no arguments it monitors this host live with the built-in default
 * rules and configuration; other modes (replay, validation, listing) are options
 * ({@link FalcoOptions}) and subcommands ({@link InspectCommand}).
 */
public final class FalcoCommand {

  /** The {@code falco} command line: its options, help text and the {@code inspect} subcommand. */
  static final CommandLineParser PARSER = new CommandLineParser("falco",
      List.of(
          "Falco4J: a runtime security monitor for Linux.",
          "Watches system calls, keeps the state of every process and file descriptor,",
          "evaluates Falco rules on that stream and raises alerts.",
          "",
          "With no arguments: monitor this host live with the default rules and configuration."),
      FalcoOptions.OPTIONS, List.of(), List.of(InspectCommand.PARSER));

  private FalcoCommand() {}

  /**
   * Runs {@code falco} with these arguments in this JVM, writing to {@code out} and {@code err}
   * (flushed before returning); returns the process exit code ({@link ExitCodes}).
   */
  public static int execute(PrintWriter out, PrintWriter err, String... args) {
    try {
      ParsedCommandLine parsed;
      FalcoOptions options;
      try {
        parsed = PARSER.parse(args, 0);
        if (parsed.problem() == null && parsed.subcommand() != null) {
          return InspectCommand.execute(args, parsed.subcommandIndex() + 1, out, err);
        }
        // like picocli: a help or version request wins over unknown options and stray arguments
        if (parsed.flag(FalcoOptions.HELP)) {
          out.print(PARSER.help());
          return ExitCodes.OK;
        }
        if (parsed.flag(FalcoOptions.VERSION)) {
          printVersion(out);
          return ExitCodes.OK;
        }
        if (parsed.problem() != null) {
          throw parsed.problem();
        }
        options = FalcoOptions.from(parsed);
      } catch (CommandLineException e) {
        return usageError(err, e);
      }
      return new FalcoRunner(options, out, err).run();
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Prints the message naming the bad argument, then how the command is used. */
  static int usageError(PrintWriter err, CommandLineException e) {
    err.println(e.getMessage());
    err.print(e.usageHint());
    return ExitCodes.USAGE;
  }

  static void printVersion(PrintWriter out) {
    for (String line : FalcoVersion.lines()) {
      out.println(line);
    }
  }

  /** Entry point of the runnable jar. */
  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    // stdout is flushed at the end (and by FalcoRunner when it matters): inspect prints a line
    // per event, which should not cost a write(2) each; stderr flushes every line
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    int code;
    try {
      code = execute(out, err, args);
    } catch (RuntimeException e) {
      // a bug, not bad input: one line saying where, no stack trace
      StackTraceElement[] where = e.getStackTrace();
      err.println("falco: internal error: " + e
          + (where.length > 0 ? " at " + where[0] : ""));
      code = ExitCodes.FAILURE;
    } finally {
      out.flush();
      err.flush();
    }
    System.exit(code);
  }
}
