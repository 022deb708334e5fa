package dev.falco4j.core.engine;

import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.rules.ItemKind;
import dev.falco4j.core.rules.PositionedText;
import dev.falco4j.core.rules.ProblemCode;
import dev.falco4j.core.rules.ResolvedRule;
import dev.falco4j.core.rules.RuleDefinition;
import dev.falco4j.core.rules.RulesProblem;
import dev.falco4j.core.rules.RulesResolver;
import dev.falco4j.dsl.CompileResult;
import dev.falco4j.dsl.ConditionCompiler;
import dev.falco4j.dsl.Diagnostic;
import dev.falco4j.dsl.compile.FieldResolver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles one resolved rule into an {@link EngineRule}: the condition against the field catalog
 * (type errors reported at their rules file position), the output template with {@code
 * append_output} applied, and the extra JSON fields. Honours {@code skip-if-unknown-filter} and
 * {@code warn_evttypes} as Falco does.
 */
final class RuleCompiler {
  /** Falco warns when a rule can match more event types than this. */
  private static final int MANY_EVENT_TYPES = 100;

  private final FieldResolver<EvalContext> fields;
  private final EngineSettings settings;
  private final RulesResolver.Result resolved;
  private final List<RulesProblem> problems;
  private final ConditionCompiler<EvalContext> compiler;

  RuleCompiler(FieldResolver<EvalContext> fields, EngineSettings settings,
      RulesResolver.Result resolved, List<RulesProblem> problems) {
    this.fields = fields;
    this.settings = settings;
    this.resolved = resolved;
    this.problems = problems;
    this.compiler = ConditionCompiler.create(fields);
  }

  EngineRule compile(ResolvedRule r, int order) {
    RuleDefinition def = r.definition();
    String name = def.name();
    CompileResult<EvalContext> c = compiler.compile(r.expr());
    boolean unknownFieldOnly = !c.ok();
    for (Diagnostic d : c.errors()) {
      unknownFieldOnly &= isUnknownField(d.message());
    }
    if (!c.ok() && def.skipIfUnknownFilter() && unknownFieldOnly) {
      for (Diagnostic d : c.errors()) {
        problems.add(resolved.problem(ProblemCode.UNKNOWN_FILTER, d.span(), ItemKind.RULE, name,
            d.message() + "; rule skipped (skip-if-unknown-filter)"));
      }
      return null;
    }
    for (Diagnostic d : c.diagnostics()) {
      boolean everyType = d.message().contains("every event type");
      if (!d.isError() && everyType && !def.warnEvttypes()) {
        continue;
      }
      ProblemCode code = d.isError() ? ProblemCode.COMPILE_CONDITION
          : everyType ? ProblemCode.NO_EVTTYPE : ProblemCode.CONDITION_WARNING;
      problems.add(resolved.problem(code, d.span(), ItemKind.RULE, name, d.message()));
    }
    if (!c.ok()) {
      return null;
    }
    if (def.warnEvttypes() && !c.condition().matchesAllEventTypes()
        && c.condition().eventTypeIds().length > MANY_EVENT_TYPES) {
      problems.add(resolved.problem(ProblemCode.NO_EVTTYPE, def.condition(), 0, 1, ItemKind.RULE,
          name, "rule matches too many evt.type values (" + c.condition().eventTypeIds().length
              + "); this has a significant performance penalty"));
    }

    PositionedText outputText = def.output();
    String template = outputText.text();
    Map<String, String> extraFieldFormats = new LinkedHashMap<>();
    for (AppendOutput a : settings.appendOutputs()) {
      if (a.matches(name, def.source(), def.tags())) {
        if (!a.extraOutput().isEmpty()) {
          template = template + " " + a.extraOutput();
        }
        extraFieldFormats.putAll(a.extraFields());
      }
    }
    OutputFormat output;
    try {
      output = OutputFormat.compile(template, fields);
    } catch (OutputFormat.FormatException e) {
      boolean inRule = e.offset() < outputText.text().length();
      String message = e.getMessage() + (inRule ? "" : " (in text added by append_output)");
      if (def.skipIfUnknownFilter() && isUnknownField(e.getMessage())) {
        problems.add(resolved.problem(ProblemCode.UNKNOWN_FILTER, outputText,
            inRule ? e.offset() : 0, e.length(), ItemKind.RULE, name,
            message + "; rule skipped (skip-if-unknown-filter)"));
        return null;
      }
      problems.add(resolved.problem(ProblemCode.COMPILE_OUTPUT, outputText,
          inRule ? e.offset() : 0, e.length(), ItemKind.RULE, name, message));
      return null;
    }
    Map<String, OutputFormat> extra = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : extraFieldFormats.entrySet()) {
      try {
        extra.put(e.getKey(), OutputFormat.compile(e.getValue(), fields));
      } catch (OutputFormat.FormatException ex) {
        problems.add(resolved.problem(ProblemCode.COMPILE_OUTPUT, outputText, 0, 1, ItemKind.RULE,
            name, "append_output extra field '" + e.getKey() + "': " + ex.getMessage()));
        return null;
      }
    }
    return new EngineRule(def, order, r.condition().text(), c.condition(), output, template, extra);
  }

  private static boolean isUnknownField(String message) {
    String m = message.toLowerCase(java.util.Locale.ROOT);
    return m.contains("unknown field") || m.contains("invalid formatting token")
        || m.contains("unknown event type") || m.contains("nonexistent field");
  }
}
