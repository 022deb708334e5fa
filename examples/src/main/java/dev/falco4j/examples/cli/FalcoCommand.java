package dev.falco4j.examples.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code falco} command: with no arguments it monitors this host live with the built-in default
 * rules and configuration; other modes (replay, validation, listing) are options and subcommands.
 */
@Command(
    name = "falco",
    versionProvider = FalcoVersion.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Falco4J: a runtime security monitor for Linux.",
      "Watches system calls, keeps the state of every process and file descriptor,",
      "evaluates Falco rules on that stream and raises alerts.",
      "",
      "With no arguments: monitor this host live with the default rules and configuration."
    },
    exitCodeOnInvalidInput = ExitCodes.USAGE,
    exitCodeOnExecutionException = ExitCodes.FAILURE,
    subcommands = {InspectCommand.class})
public final class FalcoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin FalcoOptions options = new FalcoOptions();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    return new FalcoRunner(options, spec.commandLine().getOut(), err).run();
  }

  /** Builds the picocli command line with Falco4J's error and exception handling. */
  public static CommandLine commandLine() {
    return new CommandLine(new FalcoCommand());
  }

  /** Entry point of the runnable jar. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
