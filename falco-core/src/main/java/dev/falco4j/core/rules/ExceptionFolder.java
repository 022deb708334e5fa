package dev.falco4j.core.rules;

import dev.falco4j.core.rules.RulesCollector.ItemError;
import dev.falco4j.dsl.SourceSpan;
import java.util.List;

/**
 * Folds a rule's exceptions into its condition text the way Falco does, so that the condition
 * compiled (and shown by {@code -l}) is the same as Falco's:
 *
 * <pre>
 * (CONDITION) and not (f cmp (v1, v2, ...))                        single field
 * (CONDITION) and not (( f1 c1 v1 and f2 c2 v2) or ( f1 c1 w1 and ...))   field tuples
 * </pre>
 *
 * A value containing a blank is double-quoted unless it already starts with a quote; a single value
 * compared with a list operator ({@code in}, {@code intersects}, {@code pmatch}) is put in
 * parentheses unless it already starts with one, so a list name works as the value; a nested list
 * becomes {@code (a, b)}. Exceptions without values add nothing. Generated text is positioned at the
 * exception entry it came from, so a compile error points into the exception.
 */
final class ExceptionFolder {
  private ExceptionFolder() {}

  static PositionedText fold(PositionedText condition, List<RuleException> exceptions)
      throws ItemError {
    if (exceptions.isEmpty()) {
      return condition;
    }
    SourceSpan condSpan = condition.span();
    Builder out = new Builder(condSpan);
    out.text("(", condSpan);
    out.append(condition);
    out.text(")", condSpan);
    for (RuleException ex : exceptions) {
      Builder part = new Builder(ex.span());
      if (!ex.fields().isList()) {
        boolean first = true;
        for (ExceptionEntry val : ex.values()) {
          if (val.isList()) {
            throw new ItemError(ProblemCode.VALIDATE,
                "exception '" + ex.name() + "': expected values array to contain a list of strings",
                val.span());
          }
          if (first) {
            part.text("(" + ex.fields().item() + " " + ex.comps().item() + " (", ex.fields().span());
            first = false;
          } else {
            part.text(", ", val.span());
          }
          part.text(quote(val.item()), val.span());
        }
        if (!first) {
          part.text("))", ex.span());
        }
      } else {
        List<ExceptionEntry> fields = ex.fields().items();
        List<ExceptionEntry> comps = ex.comps().items();
        part.text("(", ex.span());
        boolean firstRow = true;
        for (ExceptionEntry row : ex.values()) {
          if (!row.isList() || row.items().size() != fields.size()) {
            throw new ItemError(ProblemCode.VALIDATE,
                "exception '" + ex.name() + "': fields and values lists must have equal length",
                row.span());
          }
          part.text(firstRow ? "(" : " or (", row.span());
          firstRow = false;
          for (int k = 0; k < fields.size(); k++) {
            ExceptionEntry value = row.items().get(k);
            String comp = comps.get(k).item();
            String rendered;
            if (value.isList()) {
              StringBuilder sb = new StringBuilder("(");
              for (ExceptionEntry v : value.items()) {
                if (sb.length() > 1) {
                  sb.append(", ");
                }
                sb.append(quote(v.item()));
              }
              rendered = sb.append(')').toString();
            } else if (RulesCollector.LIST_OPERATORS.contains(comp)) {
              rendered = value.item().startsWith("(") ? value.item() : "(" + value.item() + ")";
            } else {
              rendered = quote(value.item());
            }
            part.text((k == 0 ? "" : " and ") + " " + fields.get(k).item() + " " + comp + " ",
                fields.get(k).span());
            part.text(rendered, value.span());
          }
          part.text(")", row.span());
        }
        part.text(")", ex.span());
        if (firstRow) {
          continue; // "()": no values, nothing to add
        }
      }
      if (!part.isEmpty()) {
        out.text(" and not ", ex.span());
        out.append(part.build());
      }
    }
    return out.build();
  }

  /** Falco quotes a value holding a blank unless it is already quoted. */
  static String quote(String value) {
    if (value.indexOf(' ') >= 0 && !value.startsWith("\"") && !value.startsWith("'")) {
      return '"' + value + '"';
    }
    return value;
  }

  /** Accumulates positioned text. */
  private static final class Builder {
    private PositionedText text;
    private final SourceSpan start;

    Builder(SourceSpan start) {
      this.start = start;
    }

    void text(String s, SourceSpan where) {
      append(generated(s, where));
    }

    void append(PositionedText p) {
      text = text == null ? p : text.append("", p);
    }

    boolean isEmpty() {
      return text == null || text.isEmpty();
    }

    PositionedText build() {
      return text == null ? generated("", start) : text;
    }

    private static PositionedText generated(String s, SourceSpan where) {
      return PositionedText.generated(s, where);
    }
  }
}
