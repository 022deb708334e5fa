package dev.falco4j.core.field;

import java.util.ArrayList;
import java.util.List;

/**
 * An output format such as Falco rule outputs and {@code sysdig -p} use
 * ({@code "%evt.num %proc.name (%thread.tid) %fd.name"}), compiled once against the catalog and then
 * rendered per event into a caller's builder. Fields without a value render as {@code <NA>}.
 *
 * <p>Syntax: {@code %name}, {@code %name[arg]}, {@code %evt.arg.NAME}; {@code %%} is a literal
 * percent sign. With sysdig semantics ({@link #sysdigStyle}), a format whose fields are not all
 * present prints nothing for that event unless it starts with {@code *}.
 */
public final class OutputFormat {

  private final String source;
  private final Object[] parts;
  private final boolean requireAll;

  private OutputFormat(String source, Object[] parts, boolean requireAll) {
    this.source = source;
    this.parts = parts;
    this.requireAll = requireAll;
  }

  /** Compiles a Falco output format (missing values print as {@code <NA>}). */
  public static OutputFormat compile(String format, FieldCatalog catalog) {
    return parse(format, catalog, false);
  }

  /**
   * Compiles a {@code sysdig -p} format: unless it starts with {@code *}, an event for which any
   * field has no value renders nothing ({@link #render} returns false).
   */
  public static OutputFormat sysdigStyle(String format, FieldCatalog catalog) {
    if (format.startsWith("*")) {
      return parse(format.substring(1), catalog, false);
    }
    return parse(format, catalog, true);
  }

  private static OutputFormat parse(String format, FieldCatalog catalog, boolean requireAll) {
    List<Object> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    int n = format.length();
    while (i < n) {
      char c = format.charAt(i);
      if (c != '%') {
        lit.append(c);
        i++;
        continue;
      }
      if (i + 1 < n && format.charAt(i + 1) == '%') {
        lit.append('%');
        i += 2;
        continue;
      }
      int start = i + 1;
      int j = start;
      while (j < n && isNameChar(format.charAt(j))) {
        j++;
      }
      // a trailing '.' belongs to the text ("%proc.name." ends a sentence)
      while (j > start && format.charAt(j - 1) == '.') {
        j--;
      }
      if (j == start) {
        lit.append('%');
        i++;
        continue;
      }
      String name = format.substring(start, j);
      String arg = null;
      if (j < n && format.charAt(j) == '[') {
        int close = format.indexOf(']', j);
        if (close < 0) {
          throw new IllegalArgumentException("unclosed '[' after %" + name + " at offset " + j
              + " in output format: " + format);
        }
        arg = format.substring(j + 1, close);
        j = close + 1;
      }
      if (lit.length() > 0) {
        parts.add(lit.toString());
        lit.setLength(0);
      }
      try {
        parts.add(catalog.accessor(name, arg));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(e.getMessage() + " at offset " + i
            + " in output format: " + format, e);
      }
      i = j;
    }
    if (lit.length() > 0) {
      parts.add(lit.toString());
    }
    return new OutputFormat(format, parts.toArray(), requireAll);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
        || c == '_';
  }

  /** The format text as given. */
  public String source() {
    return source;
  }

  /** The fields the format uses, in order. */
  public List<FieldAccessor> fields() {
    List<FieldAccessor> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof FieldAccessor a) {
        out.add(a);
      }
    }
    return out;
  }

  /**
   * Appends the rendering for the current event. Returns false (and leaves {@code out} as it was)
   * when the format is sysdig-style and a field has no value.
   */
  public boolean render(EvalContext ctx, StringBuilder out) {
    int mark = out.length();
    for (Object p : parts) {
      if (p instanceof String s) {
        out.append(s);
      } else {
        FieldAccessor a = (FieldAccessor) p;
        if (!a.display(ctx, out)) {
          if (requireAll) {
            out.setLength(mark);
            return false;
          }
          out.append("<NA>");
        }
      }
    }
    return true;
  }
}
