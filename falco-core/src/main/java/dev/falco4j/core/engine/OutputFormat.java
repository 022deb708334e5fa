package dev.falco4j.core.engine;

import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldAccessor;
import dev.falco4j.dsl.compile.FieldBinding;
import dev.falco4j.dsl.compile.FieldResolver;
import dev.falco4j.dsl.compile.FieldType;
import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A rule's output template compiled against the field catalog, formatting alerts as Falco does:
 * text between tokens is copied; {@code %field} and {@code %field[arg]} print the field's display
 * value or {@code <NA>} when it has none; {@code %Nfield} pads or truncates the value to exactly
 * {@code N} characters; a token may apply transformers ({@code %tolower(proc.name)}, {@code toupper},
 * {@code basename}, {@code b64}, {@code len}, nestable). A leading {@code *} (Falco's "print even when
 * values are missing") is accepted and ignored: missing values always print {@code <NA>}.
 *
 * <p>Each token also yields a typed value for the JSON {@code output_fields} (numbers, times in
 * nanoseconds included, as numbers; booleans as booleans; missing as null), keyed by the token text
 * as written.
 *
 * <p>Not thread-safe (holds value buffers); compiled once per rule, used by the engine thread.
 */
public final class OutputFormat {

  /** A template that did not compile: the message and the offset of the bad token. */
  public static final class FormatException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;
    private final int length;

    FormatException(String message, int offset, int length) {
      super(message);
      this.offset = offset;
      this.length = length;
    }

    /** Offset of the offending token in the template. */
    public int offset() {
      return offset;
    }

    /** Length of the offending token. */
    public int length() {
      return length;
    }
  }

  private static final String NA = "<NA>";

  /** Literal text or a field token; literal when {@code field == null}. */
  private static final class Token {
    final String literal;
    final String key;
    final FieldBinding<EvalContext> field;
    final List<String> transformers; // outermost first
    final int width;
    final FieldValue value = new FieldValue();

    Token(String literal) {
      this.literal = literal;
      this.key = null;
      this.field = null;
      this.transformers = List.of();
      this.width = 0;
    }

    Token(String key, FieldBinding<EvalContext> field, List<String> transformers, int width) {
      this.literal = null;
      this.key = key;
      this.field = field;
      this.transformers = List.copyOf(transformers);
      this.width = width;
    }
  }

  private static final List<String> TRANSFORMERS =
      List.of("tolower", "toupper", "basename", "b64", "len");

  private final String template;
  private final Token[] tokens;
  private final StringBuilder scratch = new StringBuilder(64);

  private OutputFormat(String template, Token[] tokens) {
    this.template = template;
    this.tokens = tokens;
  }

  /**
   * Compiles a template.
   *
   * @throws FormatException naming the bad token and its offset in the template
   */
  public static OutputFormat compile(String template, FieldResolver<EvalContext> resolver)
      throws FormatException {
    List<Token> tokens = new ArrayList<>();
    String t = template;
    int base = 0;
    if (t.startsWith("*")) {
      t = t.substring(1);
      base = 1;
    }
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c != '%') {
        literal.append(c);
        i++;
        continue;
      }
      if (literal.length() > 0) {
        tokens.add(new Token(literal.toString()));
        literal.setLength(0);
      }
      int start = i;
      i++;
      if (i >= t.length()) {
        throw new FormatException("invalid formatting syntax: formatting cannot end with a %",
            base + start, 1);
      }
      int width = 0;
      while (i < t.length() && Character.isDigit(t.charAt(i))) {
        width = width * 10 + (t.charAt(i) - '0');
        i++;
      }
      if (i >= t.length()) {
        throw new FormatException("invalid formatting syntax: formatting cannot end with a number",
            base + start, i - start);
      }
      List<String> transformers = new ArrayList<>();
      int closeParens = 0;
      while (true) {
        int j = i;
        while (j < t.length() && Character.isLetterOrDigit(t.charAt(j))) {
          j++;
        }
        String word = t.substring(i, j);
        if (j < t.length() && t.charAt(j) == '(' && TRANSFORMERS.contains(word.toLowerCase(Locale.ROOT))) {
          transformers.add(word.toLowerCase(Locale.ROOT));
          closeParens++;
          i = j + 1;
        } else {
          break;
        }
      }
      int nameStart = i;
      while (i < t.length() && isNameChar(t.charAt(i))) {
        i++;
      }
      int nameEnd = i;
      String arg = null;
      if (i < t.length() && t.charAt(i) == '[') {
        int close = t.indexOf(']', i);
        if (close < 0) {
          throw new FormatException("invalid formatting token: missing ']'", base + start, i - start + 1);
        }
        arg = t.substring(i + 1, close);
        i = close + 1;
      }
      // Falco takes the longest name that is a field: drop trailing dots and '.part's until bound.
      FieldBinding<EvalContext> binding = null;
      String name = t.substring(nameStart, nameEnd);
      String firstError = null;
      while (!name.isEmpty()) {
        while (name.endsWith(".")) {
          name = name.substring(0, name.length() - 1);
        }
        if (name.isEmpty()) {
          break;
        }
        binding = resolver.resolve(name, arg);
        if (binding.isBound()) {
          break;
        }
        if (firstError == null) {
          firstError = binding.errorMessage();
        }
        binding = null;
        if (arg != null) {
          break; // an argument belongs to the full name
        }
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
          break;
        }
        name = name.substring(0, dot);
      }
      if (binding == null) {
        String shown = t.substring(nameStart, Math.max(nameEnd, Math.min(t.length(), nameStart + 1)));
        throw new FormatException("invalid formatting token %" + shown
            + (firstError == null ? "" : ": " + firstError), base + start, Math.max(1, i - start));
      }
      if (arg == null) {
        i = nameStart + name.length();
      }
      for (int k = 0; k < closeParens; k++) {
        if (i >= t.length() || t.charAt(i) != ')') {
          throw new FormatException("invalid formatting token: missing ')' after transformer argument",
              base + start, Math.max(1, i - start));
        }
        i++;
      }
      String key = t.substring(start + 1 + digits(width, t, start), i);
      tokens.add(new Token(key, binding, transformers, width));
    }
    if (literal.length() > 0) {
      tokens.add(new Token(literal.toString()));
    }
    return new OutputFormat(template, tokens.toArray(new Token[0]));
  }

  private static int digits(int width, String t, int start) {
    int n = 0;
    while (start + 1 + n < t.length() && Character.isDigit(t.charAt(start + 1 + n))) {
      n++;
    }
    return n;
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '.';
  }

  /** The template as written. */
  public String template() {
    return template;
  }

  /** The field tokens as written ({@code proc.name}, {@code proc.aname[2]}), in order, without duplicates. */
  public List<String> fieldKeys() {
    List<String> out = new ArrayList<>();
    for (Token t : tokens) {
      if (t.key != null && !out.contains(t.key)) {
        out.add(t.key);
      }
    }
    return out;
  }

  /** Appends the formatted text for the current event. */
  public void format(EvalContext ctx, StringBuilder out) {
    for (Token t : tokens) {
      if (t.key == null) {
        out.append(t.literal);
        continue;
      }
      if (t.width == 0) {
        appendValue(t, ctx, out);
      } else {
        scratch.setLength(0);
        appendValue(t, ctx, scratch);
        // Falco resizes the value to exactly the width: pads with blanks or truncates.
        if (scratch.length() >= t.width) {
          out.append(scratch, 0, t.width);
        } else {
          out.append(scratch);
          for (int k = scratch.length(); k < t.width; k++) {
            out.append(' ');
          }
        }
      }
    }
  }

  /** Formats the current event into a new string. */
  public String format(EvalContext ctx) {
    StringBuilder sb = new StringBuilder(128);
    format(ctx, sb);
    return sb.toString();
  }

  /**
   * Puts each token's typed value into {@code out} (key = token as written): Long for numbers,
   * Boolean for booleans, String otherwise, null when the event has no value.
   */
  public void values(EvalContext ctx, Map<String, Object> out) {
    for (Token t : tokens) {
      if (t.key != null && !out.containsKey(t.key)) {
        out.put(t.key, typedValue(t, ctx));
      }
    }
  }

  /** The typed values as a new ordered map. */
  public Map<String, Object> values(EvalContext ctx) {
    Map<String, Object> out = new LinkedHashMap<>();
    values(ctx, out);
    return out;
  }

  private Object typedValue(Token t, EvalContext ctx) {
    FieldType type = t.field.type();
    if (t.transformers.isEmpty() && !t.field.multiValued()) {
      FieldType.Family f = type.family();
      // Numbers stay numbers in JSON, times included: Falco's output_fields has evt.time as the
      // integer nanosecond timestamp, while the text output shows it formatted.
      if (f == FieldType.Family.SIGNED || f == FieldType.Family.UNSIGNED) {
        return t.field.extractor().extract(ctx, t.value) ? (Object) t.value.longValue() : null;
      }
      if (f == FieldType.Family.BOOL) {
        return t.field.extractor().extract(ctx, t.value) ? (Object) (t.value.longValue() != 0) : null;
      }
    }
    if (!t.transformers.isEmpty() && t.transformers.get(0).equals("len")) {
      StringBuilder sb = new StringBuilder();
      if (!appendRaw(t, ctx, sb)) {
        return null;
      }
      return (long) sb.length();
    }
    StringBuilder sb = new StringBuilder();
    appendValue(t, ctx, sb);
    String s = sb.toString();
    return s.equals(NA) ? null : s;
  }

  private void appendValue(Token t, EvalContext ctx, StringBuilder out) {
    if (t.transformers.isEmpty()) {
      if (!appendRaw(t, ctx, out)) {
        out.append(NA);
      }
      return;
    }
    StringBuilder sb = new StringBuilder();
    if (!appendRaw(t, ctx, sb)) {
      out.append(NA);
      return;
    }
    String v = sb.toString();
    for (int k = t.transformers.size() - 1; k >= 0; k--) {
      v = switch (t.transformers.get(k)) {
        case "tolower" -> v.toLowerCase(Locale.ROOT);
        case "toupper" -> v.toUpperCase(Locale.ROOT);
        case "basename" -> {
          int slash = v.lastIndexOf('/');
          yield slash < 0 ? v : v.substring(slash + 1);
        }
        case "b64" -> Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8));
        default -> Integer.toString(v.getBytes(StandardCharsets.UTF_8).length); // len
      };
    }
    out.append(v);
  }

  /** The field's display text; false (nothing appended) when the event has no value. */
  private static boolean appendRaw(Token t, EvalContext ctx, StringBuilder out) {
    if (t.field.extractor() instanceof FieldAccessor accessor) {
      return accessor.display(ctx, out);
    }
    if (t.field.multiValued()) {
      int n = t.field.extractor().count(ctx);
      if (n == 0) {
        return false;
      }
      for (int k = 0; k < n; k++) {
        if (k > 0) {
          out.append(',');
        }
        if (t.field.extractor().extractAt(ctx, k, t.value)) {
          ValueText.append(t.field.type(), t.value, out);
        }
      }
      return true;
    }
    if (!t.field.extractor().extract(ctx, t.value)) {
      return false;
    }
    ValueText.append(t.field.type(), t.value, out);
    return true;
  }

  @Override
  public String toString() {
    return template;
  }
}
