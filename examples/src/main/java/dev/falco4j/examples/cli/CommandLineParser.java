package dev.falco4j.examples.cli;

import java.util.List;
import java.util.Locale;

/**
 * The command-line grammar of one command, declared as a table of {@link Option}s and positional
 * {@link Parameter}s: the same table parses arguments and ({@link CommandLineHelp}) prints
 * {@code --help}, so the two cannot disagree.
 *
 * <p>Accepted forms, as picocli accepted them before this class replaced it (picocli's Java 5
 * classes cannot go into the class-data archive and built their model by reflection; they cost
 * most of the CLI's start-up): {@code -rVALUE}, {@code -r VALUE}, {@code -r=VALUE},
 * {@code --name VALUE}, {@code --name=VALUE}, clustered short flags ({@code -NL}, ending with at
 * most one value option: {@code -Lr FILE}, {@code -Lpc}), flags with an explicit
 * {@code =true}/{@code =false}, an optional value ({@code --list}, {@code --list=SOURCE},
 * {@code --list SOURCE}), {@code --} ending the options, and a subcommand name ending the parent's
 * arguments.
 *
 * <p>Plain code on purpose: no reflection, annotations or lambdas, so that nothing is generated or
 * scanned while the process starts.
 */
final class CommandLineParser {

  /** How an option takes its value. */
  enum Arity {
    /** No value: present or not ({@code -L}); {@code --flag=false} is allowed. */
    FLAG,
    /** Exactly one value, at most once ({@code -e TRACE}). */
    VALUE,
    /** One value per occurrence, any number of occurrences ({@code -r A -r B}). */
    REPEATABLE,
    /** An optional value, attached with {@code =} or the next argument when it is no option. */
    OPTIONAL_VALUE
  }

  /**
   * One option: its names ({@code -r}, {@code --rules}; short names are one letter), how it takes
   * a value, the value's label and description for the help, and the value an
   * {@link Arity#OPTIONAL_VALUE} option has when given without one.
   */
  record Option(
      List<String> names, Arity arity, String label, String description, String fallback,
      boolean hidden) {

    Option {
      names = List.copyOf(names);
      if (names.isEmpty()) {
        throw new IllegalArgumentException("an option needs a name");
      }
      for (String n : names) {
        boolean isShort = n.length() == 2 && n.charAt(0) == '-' && n.charAt(1) != '-';
        boolean isLong = n.length() > 2 && n.startsWith("--") && n.indexOf('=') < 0;
        if (!isShort && !isLong) {
          throw new IllegalArgumentException("not an option name: '" + n + "'");
        }
      }
      if ((arity == Arity.FLAG) != (label == null)) {
        throw new IllegalArgumentException(names.get(0) + ": a value label goes with a value");
      }
    }

    /** A flag ({@code -L}). */
    static Option flag(String description, String... names) {
      return new Option(List.of(names), Arity.FLAG, null, description, null, false);
    }

    /** An option with exactly one value, given at most once ({@code -e TRACE}). */
    static Option value(String label, String description, String... names) {
      return new Option(List.of(names), Arity.VALUE, label, description, null, false);
    }

    /** An option with one value per occurrence, repeatable ({@code -r PATH}...). */
    static Option repeatable(String label, String description, String... names) {
      return new Option(List.of(names), Arity.REPEATABLE, label, description, null, false);
    }

    /** An option whose value may be left out ({@code --list[=SOURCE]}): then it is {@code fallback}. */
    static Option optionalValue(
        String label, String fallback, String description, String... names) {
      return new Option(List.of(names), Arity.OPTIONAL_VALUE, label, description, fallback, false);
    }

    /** The same option left out of the help (reserved options). */
    Option hide() {
      return new Option(names, arity, label, description, fallback, true);
    }

    /** The longest name, used in messages: {@code --print} rather than {@code -p}. */
    String displayName() {
      String best = names.get(0);
      for (String n : names) {
        if (n.length() > best.length()) {
          best = n;
        }
      }
      return best;
    }

    /** The option as the help shows it: {@code -r=PATH}, {@code --list[=SOURCE]}. */
    String withLabel(String name) {
      return switch (arity) {
        case FLAG -> name;
        case OPTIONAL_VALUE -> name + "[=" + label + "]";
        case VALUE, REPEATABLE -> name + "=" + label;
      };
    }
  }

  /** A positional parameter: required ({@code TRACE}) or not, and whether it takes the rest. */
  record Parameter(String label, String description, boolean required, boolean rest) {}

  private final String path;
  private final List<String> description;
  private final List<Option> options;
  private final List<Parameter> parameters;
  private final List<CommandLineParser> subcommands;

  /**
   * @param path the command as typed, e.g. {@code falco} or {@code falco inspect}: its last word
   *     is the name a parent command recognises
   * @param description help text lines; the first one also describes the command in its parent's
   *     command list
   * @param options in the order the help lists them
   * @param parameters positional parameters in order; only the last one may take the rest
   * @param subcommands commands that can follow this one's options
   */
  CommandLineParser(String path, List<String> description, List<Option> options,
      List<Parameter> parameters, List<CommandLineParser> subcommands) {
    this.path = path;
    this.description = List.copyOf(description);
    this.options = List.copyOf(options);
    this.parameters = List.copyOf(parameters);
    this.subcommands = List.copyOf(subcommands);
    for (int i = 0; i < this.options.size(); i++) {
      for (String n : this.options.get(i).names()) {
        if (find(n) != this.options.get(i)) {
          throw new IllegalArgumentException(path + ": option name " + n + " is declared twice");
        }
      }
    }
    for (int i = 0; i + 1 < this.parameters.size(); i++) {
      if (this.parameters.get(i).rest()) {
        throw new IllegalArgumentException(path + ": only the last parameter can take the rest");
      }
    }
  }

  /** The command as typed, e.g. {@code falco inspect}. */
  String path() {
    return path;
  }

  /** The name a parent command recognises: the last word of the path. */
  String name() {
    return path.substring(path.lastIndexOf(' ') + 1);
  }

  List<Option> options() {
    return options;
  }

  List<Parameter> parameters() {
    return parameters;
  }

  List<String> description() {
    return description;
  }

  List<CommandLineParser> subcommands() {
    return subcommands;
  }

  // ------------------------------------------------------------------ parsing

  /**
   * Parses {@code args} from index {@code from}, up to the end or to a subcommand's name. Problems
   * that a help request overrides (an unknown option, an unexpected or missing parameter) are kept
   * in the result, {@link ParsedCommandLine#problem()}, as picocli kept them; malformed values
   * (missing, not a boolean, given twice) are thrown at once.
   *
   * @throws CommandLineException for a malformed value, naming the option
   */
  ParsedCommandLine parse(String[] args, int from) throws CommandLineException {
    ParsedCommandLine result = new ParsedCommandLine(this);
    boolean optionsEnded = false;
    for (int i = from; i < args.length; i++) {
      String arg = args[i];
      if (optionsEnded) {
        result.addParameter(arg, i);
      } else if (arg.equals("--")) {
        optionsEnded = true;
      } else if (arg.startsWith("--")) {
        i = parseLong(args, i, result);
      } else if (arg.length() > 1 && arg.charAt(0) == '-' && !isNegativeNumber(arg)) {
        i = parseShortCluster(args, i, result);
      } else {
        CommandLineParser sub = subcommand(arg);
        if (sub != null) {
          result.subcommand(sub, i);
          break;
        }
        result.addParameter(arg, i);
      }
    }
    result.checkParameters();
    return result;
  }

  private int parseLong(String[] args, int i, ParsedCommandLine result)
      throws CommandLineException {
    String arg = args[i];
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    Option option = find(name);
    if (option == null) {
      result.problem(
          new CommandLineException(this, "Unknown option: '" + arg + "'" + suggestions(name)));
      return i;
    }
    return take(option, name, eq < 0 ? null : arg.substring(eq + 1), args, i, result);
  }

  /** {@code -NL}, {@code -Lr FILE}, {@code -rFILE}, {@code -r=FILE}, {@code -U=false}. */
  private int parseShortCluster(String[] args, int i, ParsedCommandLine result)
      throws CommandLineException {
    String arg = args[i];
    for (int j = 1; j < arg.length(); j++) {
      String name = "-" + arg.charAt(j);
      Option option = find(name);
      if (option == null) {
        String unknown = j == 1 ? arg : name;
        result.problem(new CommandLineException(this, "Unknown option: '" + unknown + "'"
            + (j == 1 ? "" : " (in '" + arg + "')")));
        return i;
      }
      String rest = arg.substring(j + 1);
      if (option.arity() == Arity.FLAG) {
        if (rest.startsWith("=")) {
          return take(option, name, rest.substring(1), args, i, result);
        }
        take(option, name, null, args, i, result);
        continue;
      }
      // a value option ends the cluster: the rest of the argument, else the next one, is its value
      if (rest.startsWith("=")) {
        rest = rest.substring(1);
      } else if (rest.isEmpty()) {
        rest = null;
      }
      return take(option, name, rest, args, i, result);
    }
    return i;
  }

  /**
   * Records one occurrence of {@code option}; {@code attached} is a value given in the same
   * argument. Returns the index of the last argument used.
   */
  private int take(Option option, String typed, String attached, String[] args, int i,
      ParsedCommandLine result) throws CommandLineException {
    if (option.arity() != Arity.REPEATABLE && result.has(option)) {
      throw new CommandLineException(this, "Option '" + typed + "'"
          + (option.label() == null ? "" : " (" + option.label() + ")")
          + " should be specified only once");
    }
    String value = attached;
    int last = i;
    switch (option.arity()) {
      case FLAG -> {
        if (value == null) {
          value = "true";
        } else if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
          value = value.toLowerCase(Locale.ROOT);
        } else {
          throw new CommandLineException(this, "Invalid value for option '" + typed + "': '" + value
              + "' is not a boolean (true or false)");
        }
      }
      case OPTIONAL_VALUE -> {
        if (value == null) {
          String next = i + 1 < args.length ? args[i + 1] : null;
          // the next argument is the value unless it is an option, "--" or a subcommand
          if (next != null && !next.startsWith("-") && subcommand(next) == null) {
            value = next;
            last = i + 1;
          } else {
            value = option.fallback();
          }
        }
      }
      case VALUE, REPEATABLE -> {
        if (value == null) {
          if (i + 1 >= args.length) {
            throw new CommandLineException(this, "Missing required parameter for option '" + typed
                + "' (" + option.label() + ")");
          }
          String next = args[i + 1];
          if (isOption(next)) {
            throw new CommandLineException(this, "Expected parameter for option '" + typed
                + "' but found '" + next + "'");
          }
          value = next;
          last = i + 1;
        }
      }
      default -> throw new IllegalStateException(option.arity().name());
    }
    result.add(option, value);
    return last;
  }

  /** Whether {@code arg} names one of this command's options (a value cannot be that). */
  private boolean isOption(String arg) {
    if (arg.startsWith("--")) {
      int eq = arg.indexOf('=');
      return find(eq < 0 ? arg : arg.substring(0, eq)) != null;
    }
    return find(arg) != null;
  }

  /** {@code -1}, {@code -2.5}: a parameter (in a filter: {@code evt.res = -1}), no short option. */
  private static boolean isNegativeNumber(String arg) {
    boolean digits = false;
    boolean dot = false;
    for (int i = 1; i < arg.length(); i++) {
      char c = arg.charAt(i);
      if (c >= '0' && c <= '9') {
        digits = true;
      } else if (c == '.' && !dot) {
        dot = true;
      } else {
        return false;
      }
    }
    return digits;
  }

  Option find(String name) {
    for (int i = 0; i < options.size(); i++) {
      Option o = options.get(i);
      List<String> names = o.names();
      for (int k = 0; k < names.size(); k++) {
        if (names.get(k).equals(name)) {
          return o;
        }
      }
    }
    return null;
  }

  private CommandLineParser subcommand(String name) {
    for (int i = 0; i < subcommands.size(); i++) {
      if (subcommands.get(i).name().equals(name)) {
        return subcommands.get(i);
      }
    }
    return null;
  }

  /** For {@code --lis}: the visible long options it starts, as picocli suggested them. */
  private String suggestions(String name) {
    StringBuilder s = new StringBuilder();
    for (Option o : options) {
      if (o.hidden()) {
        continue;
      }
      for (String n : o.names()) {
        if (n.startsWith("--") && n.startsWith(name) && name.length() > 2) {
          s.append(s.length() == 0 ? System.lineSeparator() + "Possible solutions: " : ", ");
          s.append(n);
        }
      }
    }
    return s.toString();
  }

  // ------------------------------------------------------------------ help

  /** The synopsis, {@code Usage: falco [-hLNAU] ... [COMMAND]}, wrapped to 80 columns. */
  String synopsis() {
    return CommandLineHelp.synopsis(this);
  }

  /** What follows an error message: the synopsis and where to read more. */
  String usageHint() {
    return synopsis() + "Try '" + path + " --help' for more information." + System.lineSeparator();
  }

  /** The full help: synopsis, description, parameters, every visible option, subcommands. */
  String help() {
    return CommandLineHelp.help(this);
  }
}
