package dev.falco4j.core.rules;

import dev.falco4j.dsl.ast.Expr;
import java.util.Objects;

/**
 * A rule whose condition was parsed, had its exceptions folded in and every macro and list expanded:
 * ready to be compiled against a field catalog.
 *
 * @param definition the rule as the files define it
 * @param condition the condition text with exceptions folded in, exactly as Falco builds it
 * @param expr the expanded condition (no macro or list references left)
 */
public record ResolvedRule(RuleDefinition definition, PositionedText condition, Expr expr) {
  /** Validates. */
  public ResolvedRule {
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(condition, "condition");
    Objects.requireNonNull(expr, "expr");
  }

  /** The rule name. */
  public String name() {
    return definition.name();
  }
}
