package dev.falco4j.examples.cli;

import dev.falco4j.examples.cli.CommandLineParser.Arity;
import dev.falco4j.examples.cli.CommandLineParser.Option;
import dev.falco4j.examples.cli.CommandLineParser.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a {@link CommandLineParser}'s table as {@code --help} text and as the synopsis shown
 * after a usage error, in picocli's layout (which users of the earlier releases know): names in
 * column 2 (short) and 6 (long), descriptions from column 24, word-wrapped to 80 columns.
 */
final class CommandLineHelp {
  /** Width of the help text. */
  static final int WIDTH = 80;
  /** Column where option and parameter descriptions start. */
  private static final int DESCRIPTION_COLUMN = 24;

  private CommandLineHelp() {}

  /**
   * The synopsis: {@code Usage: falco [-hLNAU] [--dry-run] [-e=TRACE] [-r=PATH]... [COMMAND]},
   * flags first, then options with one value, then repeatable ones, then parameters; each option
   * by its shortest name.
   */
  static String synopsis(CommandLineParser command) {
    List<Option> options = command.options();
    List<Parameter> parameters = command.parameters();
    List<CommandLineParser> subcommands = command.subcommands();
    List<String> parts = new ArrayList<>();
    StringBuilder cluster = new StringBuilder();
    for (Option o : options) {
      String s = shortName(o);
      if (!o.hidden() && o.arity() == Arity.FLAG && s != null) {
        cluster.append(s.charAt(1));
      }
    }
    if (cluster.length() > 0) {
      parts.add("[-" + cluster + "]");
    }
    for (Option o : options) {
      if (!o.hidden() && o.arity() == Arity.FLAG && shortName(o) == null) {
        parts.add("[" + o.displayName() + "]");
      }
    }
    for (Option o : options) {
      if (!o.hidden() && (o.arity() == Arity.VALUE || o.arity() == Arity.OPTIONAL_VALUE)) {
        parts.add("[" + o.withLabel(shortestName(o)) + "]");
      }
    }
    for (Option o : options) {
      if (!o.hidden() && o.arity() == Arity.REPEATABLE) {
        parts.add("[" + o.withLabel(shortestName(o)) + "]...");
      }
    }
    for (Parameter p : parameters) {
      String label = p.label() + (p.rest() ? "..." : "");
      parts.add(p.required() ? label : "[" + label + "]");
    }
    if (!subcommands.isEmpty()) {
      parts.add("[COMMAND]");
    }
    String head = "Usage: " + command.path() + " ";
    StringBuilder out = new StringBuilder(head);
    int lineStart = 0;
    boolean first = true;
    for (String part : parts) {
      if (!first && out.length() - lineStart + 1 + part.length() > WIDTH) {
        out.append(System.lineSeparator());
        lineStart = out.length();
        out.append(" ".repeat(head.length()));
      } else if (!first) {
        out.append(' ');
      }
      out.append(part);
      first = false;
    }
    return out.append(System.lineSeparator()).toString();
  }

  /** The full help: synopsis, description, parameters, every visible option, subcommands. */
  static String help(CommandLineParser command) {
    List<CommandLineParser> subcommands = command.subcommands();
    String nl = System.lineSeparator();
    StringBuilder out = new StringBuilder(synopsis(command));
    for (String line : command.description()) {
      if (line.isEmpty()) {
        out.append(nl);
      } else {
        wrap(out, line, 0, 0);
      }
    }
    for (Parameter p : command.parameters()) {
      String label = p.required() ? p.label() : "[" + p.label() + (p.rest() ? "...]" : "]");
      row(out, "      " + label, p.description());
    }
    for (Option o : command.options()) {
      if (o.hidden()) {
        continue;
      }
      String s = shortName(o);
      String l = longName(o);
      String left;
      if (s != null && l != null) {
        left = "  " + s + ", " + o.withLabel(l);
      } else if (s != null) {
        left = "  " + o.withLabel(s);
      } else {
        left = "      " + o.withLabel(l);
      }
      row(out, left, o.description());
    }
    if (!subcommands.isEmpty()) {
      out.append("Commands:").append(nl);
      int width = 0;
      for (CommandLineParser c : subcommands) {
        width = Math.max(width, c.name().length());
      }
      for (CommandLineParser c : subcommands) {
        String left = "  " + c.name() + " ".repeat(width - c.name().length() + 2);
        out.append(left);
        String summary = c.description().isEmpty() ? "" : c.description().get(0);
        wrap(out, summary, left.length(), left.length() + 2);
      }
    }
    return out.toString();
  }

  private static void row(StringBuilder out, String left, String text) {
    out.append(left);
    if (left.length() > DESCRIPTION_COLUMN - 2) {
      out.append(System.lineSeparator()).append(" ".repeat(DESCRIPTION_COLUMN));
    } else {
      out.append(" ".repeat(DESCRIPTION_COLUMN - left.length()));
    }
    wrap(out, text, DESCRIPTION_COLUMN, DESCRIPTION_COLUMN + 2);
  }

  /**
   * Appends {@code text} word-wrapped to {@link #WIDTH}; the cursor is at column {@code column},
   * continuation lines are indented to {@code indent}.
   */
  private static void wrap(StringBuilder out, String text, int column, int indent) {
    int col = column;
    boolean lineHasWord = false;
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf(' ', start);
      if (end < 0) {
        end = text.length();
      }
      int len = end - start;
      if (len > 0) {
        if (lineHasWord && col + 1 + len > WIDTH) {
          out.append(System.lineSeparator()).append(" ".repeat(indent));
          col = indent;
          lineHasWord = false;
        }
        if (lineHasWord) {
          out.append(' ');
          col++;
        }
        out.append(text, start, end);
        col += len;
        lineHasWord = true;
      }
      start = end + 1;
    }
    out.append(System.lineSeparator());
  }

  private static String shortName(Option o) {
    for (String n : o.names()) {
      if (!n.startsWith("--")) {
        return n;
      }
    }
    return null;
  }

  private static String shortestName(Option o) {
    String s = shortName(o);
    return s != null ? s : longName(o);
  }

  private static String longName(Option o) {
    for (String n : o.names()) {
      if (n.startsWith("--")) {
        return n;
      }
    }
    return null;
  }
}
