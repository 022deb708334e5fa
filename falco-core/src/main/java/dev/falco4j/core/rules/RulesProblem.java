package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.Objects;

/**
 * One error or warning found while loading rules: where (file, line, column), in which item (kind
 * and name), what code and what message. Rendered like a compiler message:
 *
 * <pre>
 * rules.yaml:12:14: error: rule 'Shell in container': undefined macro 'spawned_proces'
 *   condition: spawned_proces and container
 *              ^
 * </pre>
 *
 * @param code what went wrong; {@link ProblemCode#isError()} tells errors from warnings
 * @param span where, in file coordinates (1-based line and column)
 * @param itemKind the kind of the item the problem is in
 * @param itemName the item's name, empty when unknown (e.g. the item has no name)
 * @param message one sentence without position or item
 * @param sourceLine the source line at {@code span.line()}, for the caret; may be empty
 */
public record RulesProblem(
    ProblemCode code,
    SourceSpan span,
    ItemKind itemKind,
    String itemName,
    String message,
    String sourceLine) {

  /** Validates the fields. */
  public RulesProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(span, "span");
    Objects.requireNonNull(itemKind, "itemKind");
    itemName = itemName == null ? "" : itemName;
    Objects.requireNonNull(message, "message");
    sourceLine = sourceLine == null ? "" : sourceLine;
  }

  /** Whether this problem stops the rules from loading. */
  public boolean isError() {
    return code.isError();
  }

  /** {@code error} or {@code warning}. */
  public String severityLabel() {
    return isError() ? "error" : "warning";
  }

  /** The item as messages name it: {@code rule 'Name'}, or just the kind when nameless. */
  public String itemLabel() {
    if (itemKind == ItemKind.RULES_CONTENT) {
      return "";
    }
    return itemName.isEmpty() ? itemKind.label() : itemKind.label() + " '" + itemName + "'";
  }

  /** The first line of {@link #render()}: {@code file:line:col: error: item: message}. */
  public String headline() {
    StringBuilder sb = new StringBuilder();
    sb.append(span.file()).append(':').append(span.line()).append(':').append(span.column())
        .append(": ").append(severityLabel()).append(": ");
    String item = itemLabel();
    if (!item.isEmpty()) {
      sb.append(item).append(": ");
    }
    return sb.append(message).toString();
  }

  /** The headline, then the source line and a caret under the column. */
  public String render() {
    StringBuilder sb = new StringBuilder(headline());
    if (!sourceLine.isEmpty() && span.column() >= 1) {
      sb.append('\n').append(sourceLine).append('\n');
      int upTo = Math.min(span.column() - 1, sourceLine.length());
      for (int i = 0; i < upTo; i++) {
        sb.append(sourceLine.charAt(i) == '\t' ? '\t' : ' ');
      }
      sb.append('^');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
