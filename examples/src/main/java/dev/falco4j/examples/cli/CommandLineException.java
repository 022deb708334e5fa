package dev.falco4j.examples.cli;

/**
 * Invalid command-line usage: an unknown option, a missing or malformed value, an unexpected
 * parameter. The message names the option or argument; {@link #usageHint()} says how the command
 * is used. Exit code {@link ExitCodes#USAGE}.
 */
final class CommandLineException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient CommandLineParser command;

  CommandLineException(CommandLineParser command, String message) {
    super(message);
    this.command = command;
  }

  /** The synopsis of the command whose arguments were wrong, and where to read more. */
  String usageHint() {
    return command.usageHint();
  }
}
