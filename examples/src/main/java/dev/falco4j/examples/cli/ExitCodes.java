package dev.falco4j.examples.cli;

/** Process exit codes of the {@code falco} command, as Falco uses them. */
final class ExitCodes {
  /** Success. */
  static final int OK = 0;
  /** A runtime failure: bad rules, unreadable trace, missing capture support. */
  static final int FAILURE = 1;
  /** Invalid command-line usage. */
  static final int USAGE = 2;

  private ExitCodes() {}
}
