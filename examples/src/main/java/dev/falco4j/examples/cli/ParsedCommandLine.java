package dev.falco4j.examples.cli;

import dev.falco4j.examples.cli.CommandLineParser.Option;
import dev.falco4j.examples.cli.CommandLineParser.Parameter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of one command as {@link CommandLineParser#parse} found them: the values of each
 * option in the order given, the positional parameters, the subcommand that followed (if any), and
 * the first problem a help request overrides. Typed getters convert values and report a bad one as
 * a {@link CommandLineException} naming the option.
 */
final class ParsedCommandLine {
  private final CommandLineParser parser;
  /** Values per option, at the option's index in the parser's table; null when not given. */
  private final List<List<String>> values;
  private final List<String> parameters = new ArrayList<>();
  private CommandLineParser subcommand;
  private int subcommandIndex = -1;
  private CommandLineException problem;

  ParsedCommandLine(CommandLineParser parser) {
    this.parser = parser;
    int n = parser.options().size();
    this.values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(null);
    }
  }

  // ------------------------------------------------------------------ filled in by the parser

  void add(Option option, String value) {
    int i = index(option);
    List<String> list = values.get(i);
    if (list == null) {
      list = new ArrayList<>(1);
      values.set(i, list);
    }
    list.add(value);
  }

  void addParameter(String value, int argIndex) {
    List<Parameter> declared = parser.parameters();
    boolean room = parameters.size() < declared.size()
        || (!declared.isEmpty() && declared.get(declared.size() - 1).rest());
    if (!room) {
      problem(new CommandLineException(parser,
          "Unexpected argument at index " + argIndex + ": '" + value + "'"));
      return;
    }
    parameters.add(value);
  }

  void subcommand(CommandLineParser sub, int argIndex) {
    this.subcommand = sub;
    this.subcommandIndex = argIndex;
  }

  /** Keeps the first problem only, the one the user should fix first. */
  void problem(CommandLineException e) {
    if (problem == null) {
      problem = e;
    }
  }

  void checkParameters() {
    if (subcommand != null) {
      return; // the subcommand runs instead; this command's parameters do not matter
    }
    List<Parameter> declared = parser.parameters();
    for (int i = parameters.size(); i < declared.size(); i++) {
      if (declared.get(i).required()) {
        problem(new CommandLineException(parser,
            "Missing required parameter: '" + declared.get(i).label() + "'"));
        return;
      }
    }
  }

  // ------------------------------------------------------------------ read by the command

  /** The first unknown option, unexpected or missing parameter; null when there was none. */
  CommandLineException problem() {
    return problem;
  }

  /** The subcommand named after this command's options, or null. */
  CommandLineParser subcommand() {
    return subcommand;
  }

  /** Index in the argument array of the subcommand's name; its own arguments follow. */
  int subcommandIndex() {
    return subcommandIndex;
  }

  /** The positional parameters in order. */
  List<String> parameters() {
    return parameters;
  }

  boolean has(Option option) {
    return values.get(index(option)) != null;
  }

  /** A flag's value: given (or given {@code =true}) and not {@code =false}. */
  boolean flag(Option option) {
    String v = value(option);
    return v != null && v.equals("true");
  }

  /** The value of a single-valued option, or null when it was not given. */
  String value(Option option) {
    List<String> list = values.get(index(option));
    return list == null ? null : list.get(list.size() - 1);
  }

  /** Every value of a repeatable option in the order given; empty when it was not given. */
  List<String> values(Option option) {
    List<String> list = values.get(index(option));
    return list == null ? List.of() : list;
  }

  /** The value as a path, or null when the option was not given. */
  Path path(Option option) throws CommandLineException {
    String v = value(option);
    return v == null ? null : toPath(option, v);
  }

  /** Every value as a path, in the order given. */
  List<Path> paths(Option option) throws CommandLineException {
    List<Path> paths = new ArrayList<>();
    for (String v : values(option)) {
      paths.add(toPath(option, v));
    }
    return paths;
  }

  /** The value as a whole number ({@code 10}, {@code +10}, {@code -1}), or null when not given. */
  Long number(Option option) throws CommandLineException {
    String v = value(option);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      throw new CommandLineException(parser, "Invalid value for option '" + option.displayName()
          + "' (" + option.label() + "): '" + v + "' is not a whole number");
    }
  }

  private Path toPath(Option option, String v) throws CommandLineException {
    try {
      return Path.of(v);
    } catch (InvalidPathException e) {
      throw new CommandLineException(parser, "Invalid value for option '" + option.displayName()
          + "' (" + option.label() + "): '" + v + "' is not a valid path: " + e.getReason());
    }
  }

  private int index(Option option) {
    List<Option> options = parser.options();
    for (int i = 0; i < options.size(); i++) {
      if (options.get(i) == option) {
        return i;
      }
    }
    throw new IllegalArgumentException(option.displayName() + " is not an option of "
        + parser.path());
  }
}
