package dev.falco4j.core.field;

import java.util.List;

/**
 * Renders the catalog for {@code falco --list}: plain text (one block per field class, name, type
 * and description in columns, descriptions wrapped) or Markdown ({@code --list --markdown}: a table
 * per class). The CLI decides where it goes; this only builds the text.
 */
public final class FieldListing {

  private static final int NAME_WIDTH = 34;
  private static final int TYPE_WIDTH = 10;
  private static final int LINE_WIDTH = 110;

  private FieldListing() {}

  /**
   * The listing of the catalog's fields.
   *
   * @param source the event source to list ({@code syscall}, or null/empty for all); Falco4J's
   *     fields all belong to the syscall source, so any other source lists nothing
   * @param markdown true for Markdown tables
   */
  public static String render(FieldCatalog catalog, String source, boolean markdown) {
    StringBuilder out = new StringBuilder(32 * 1024);
    if (source != null && !source.isEmpty() && !source.equals("syscall")) {
      return "";
    }
    for (FieldFamily f : catalog.families()) {
      if (markdown) {
        markdown(f, out);
      } else {
        text(f, out);
      }
    }
    return out.toString();
  }

  private static void text(FieldFamily f, StringBuilder out) {
    out.append("Field Class: ").append(f.name()).append('\n');
    out.append("Description: ").append(f.description()).append('\n');
    out.append("Event Sources: syscall\n\n");
    for (FieldDef d : f.fields()) {
      String name = d.name() + argSuffix(d.argMode());
      StringBuilder line = new StringBuilder();
      line.append(name);
      pad(line, NAME_WIDTH);
      line.append(d.typeLabel());
      pad(line, NAME_WIDTH + TYPE_WIDTH);
      wrap(line, d.description(), NAME_WIDTH + TYPE_WIDTH, out);
    }
    out.append('\n');
  }

  private static void markdown(FieldFamily f, StringBuilder out) {
    out.append("## Field Class: ").append(f.name()).append("\n\n");
    out.append(f.description()).append("\n\n");
    out.append("Name | Type | Description\n");
    out.append(":----|:-----|:-----------\n");
    for (FieldDef d : f.fields()) {
      out.append('`').append(d.name()).append(argSuffix(d.argMode())).append("` | ")
          .append(d.typeLabel()).append(" | ")
          .append(d.description().replace("|", "\\|")).append('\n');
    }
    out.append('\n');
  }

  private static String argSuffix(ArgMode mode) {
    switch (mode) {
      case OPTIONAL_INDEX: case REQUIRED_INDEX: return "[N]";
      case REQUIRED_KEY: case OPTIONAL_KEY: return "[KEY]";
      default: return "";
    }
  }

  private static void pad(StringBuilder sb, int col) {
    if (sb.length() >= col) {
      sb.append(' ');
    }
    while (sb.length() < col) {
      sb.append(' ');
    }
  }

  /** Appends {@code first} then {@code text} word-wrapped to the line width, indented. */
  private static void wrap(StringBuilder first, String text, int indent, StringBuilder out) {
    StringBuilder line = first;
    int start = line.length();
    for (String word : text.split(" ")) {
      if (line.length() > start && line.length() + 1 + word.length() > LINE_WIDTH) {
        out.append(line).append('\n');
        line = new StringBuilder();
        pad(line, indent);
        start = line.length();
      } else if (line.length() > start) {
        line.append(' ');
      }
      line.append(word);
    }
    out.append(line).append('\n');
  }

  /** Names of all fields, for completion and tests. */
  public static List<String> names(FieldCatalog catalog) {
    return catalog.families().stream().flatMap(f -> f.fields().stream()).map(FieldDef::name)
        .toList();
  }
}
