package dev.falco4j.core.engine;

import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.rules.RuleDefinition;
import dev.falco4j.dsl.CompiledCondition;
import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.output.Priority;
import java.util.List;
import java.util.Map;

/**
 * A rule loaded into an {@link Engine}: its definition, the condition text that was compiled (with
 * exceptions folded in), the compiled condition and output, whether it is enabled, and its counters.
 * The counters are written by the thread that evaluates events; other threads read them without
 * locking (values may be slightly behind).
 */
public final class EngineRule {
  private final RuleDefinition definition;
  private final int order;
  private final String compiledCondition;
  final CompiledCondition<EvalContext> condition;
  final OutputFormat output;
  final Map<String, OutputFormat> extraFields;
  final String outputTemplate;
  volatile boolean enabled;
  long evaluations;
  long matches;
  long nanos;

  EngineRule(RuleDefinition definition, int order, String compiledCondition,
      CompiledCondition<EvalContext> condition, OutputFormat output, String outputTemplate,
      Map<String, OutputFormat> extraFields) {
    this.definition = definition;
    this.order = order;
    this.compiledCondition = compiledCondition;
    this.condition = condition;
    this.output = output;
    this.outputTemplate = outputTemplate;
    this.extraFields = Map.copyOf(extraFields);
    this.enabled = definition.enabled();
  }

  /** The rule as the rules files define it. */
  public RuleDefinition definition() {
    return definition;
  }

  /** The rule name. */
  public String name() {
    return definition.name();
  }

  /** The priority. */
  public Priority priority() {
    return definition.priority();
  }

  /** The tags, sorted. */
  public List<String> tags() {
    return definition.tags();
  }

  /** The event source. */
  public String source() {
    return definition.source();
  }

  /** Position in load order (0-based). */
  public int order() {
    return order;
  }

  /** Whether the rule runs (before the priority threshold is applied). */
  public boolean enabled() {
    return enabled;
  }

  /** The condition text compiled: the rule's condition with exceptions folded in as Falco does. */
  public String conditionText() {
    return compiledCondition;
  }

  /** The output template used, with {@code append_output} text appended. */
  public String outputTemplate() {
    return outputTemplate;
  }

  /** The condition as compiled: exceptions folded in, every macro and list expanded. */
  public Expr conditionExpr() {
    return condition.source();
  }

  /** The event-type ids the condition can match, ascending. */
  public int[] eventTypeIds() {
    return condition.eventTypeIds();
  }

  /** Whether the condition has no event-type restriction. */
  public boolean matchesAllEventTypes() {
    return condition.matchesAllEventTypes();
  }

  /** A snapshot of the counters. */
  public RuleStats stats() {
    return new RuleStats(name(), evaluations, matches, nanos);
  }

  @Override
  public String toString() {
    return name();
  }
}
