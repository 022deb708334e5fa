package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import dev.falco4j.output.Priority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state built while rules files are read in order: lists, macros and rules by name, in
 * definition order, with Falco's define / append / replace semantics. Every definition takes a
 * global index; an item may refer only to lists and macros whose index is lower than its own
 * visibility (the index of its latest definition or update), exactly as Falco orders them.
 */
final class RulesCollector {

  /** Operators a rule exception may use (Falco's filter operators). */
  static final Set<String> OPERATORS =
      Set.of("=", "==", "!=", "<", "<=", ">", ">=", "contains", "icontains", "bcontains",
          "startswith", "bstartswith", "endswith", "glob", "iglob", "in", "intersects", "pmatch",
          "exists", "regex");

  /** Operators whose right side is a list. */
  static final Set<String> LIST_OPERATORS = Set.of("in", "intersects", "pmatch");

  /** A problem that aborts the current item; the reader records it and goes on. */
  static final class ItemError extends Exception {
    private static final long serialVersionUID = 1L;
    final ProblemCode code;
    final transient SourceSpan span;

    ItemError(ProblemCode code, String message, SourceSpan span) {
      super(message, null, false, false);
      this.code = code;
      this.span = span;
    }
  }

  static final class ListInfo {
    String name;
    List<String> items = new ArrayList<>();
    SourceSpan span;
    int index;
    int visibility;
  }

  static final class MacroInfo {
    String name;
    PositionedText condition;
    SourceSpan span;
    int index;
    int visibility;
  }

  static final class ExceptionInfo {
    String name;
    ExceptionEntry fields; // null when not given (append)
    ExceptionEntry comps; // null when not given
    List<ExceptionEntry> values = new ArrayList<>();
    SourceSpan span;

    RuleException freeze() {
      return new RuleException(name, fields, comps, values, span);
    }
  }

  static final class RuleInfo {
    String name;
    String description = "";
    PositionedText condition;
    PositionedText output;
    Priority priority = Priority.DEBUG;
    String source = "syscall";
    boolean enabled = true;
    TreeSet<String> tags = new TreeSet<>();
    List<ExceptionInfo> exceptions = new ArrayList<>();
    boolean warnEvttypes = true;
    boolean skipIfUnknownFilter;
    boolean capture;
    long captureDuration;
    boolean unknownSource;
    SourceSpan span;
    int index;
    int visibility;
  }

  /** The parts of a rule that an append or a selective replace changes; null = not given. */
  static final class RuleUpdate {
    String name;
    SourceSpan span;
    PositionedText condition;
    PositionedText output;
    String description;
    TreeSet<String> tags;
    List<ExceptionInfo> exceptions;
    Priority priority;
    Boolean enabled;
    Boolean warnEvttypes;
    Boolean skipIfUnknownFilter;

    boolean hasAnyValue() {
      return condition != null || output != null || description != null || tags != null
          || exceptions != null || priority != null || enabled != null || warnEvttypes != null
          || skipIfUnknownFilter != null;
    }
  }

  private final Set<String> knownSources;
  private final Map<String, ListInfo> lists = new LinkedHashMap<>();
  private final Map<String, MacroInfo> macros = new LinkedHashMap<>();
  private final Map<String, RuleInfo> rules = new LinkedHashMap<>();
  private final List<List<PluginRequirement>> requiredPluginVersions = new ArrayList<>();
  private EngineVersion requiredEngineVersion = EngineVersion.of(0, 0, 0);
  private int nextIndex;

  RulesCollector(Set<String> knownSources) {
    this.knownSources = Set.copyOf(knownSources);
  }

  Map<String, ListInfo> lists() {
    return lists;
  }

  Map<String, MacroInfo> macros() {
    return macros;
  }

  Map<String, RuleInfo> rules() {
    return rules;
  }

  EngineVersion requiredEngineVersion() {
    return requiredEngineVersion;
  }

  List<List<PluginRequirement>> requiredPluginVersions() {
    return requiredPluginVersions;
  }

  void requireEngineVersion(EngineVersion required, SourceSpan span) throws ItemError {
    EngineVersion ours = EngineVersion.CURRENT;
    if (!ours.isCompatibleWith(required)) {
      throw new ItemError(ProblemCode.ENGINE_VERSION,
          "rules require engine version " + required + ", but engine version is " + ours, span);
    }
    if (requiredEngineVersion.compareTo(required) < 0) {
      requiredEngineVersion = required;
    }
  }

  void requirePlugins(List<PluginRequirement> alternatives) {
    requiredPluginVersions.add(List.copyOf(alternatives));
  }

  // ---------------------------------------------------------------- lists

  void defineList(ListInfo info) {
    ListInfo prev = lists.get(info.name);
    int id = nextIndex++;
    if (prev != null) {
      info.index = prev.index;
      info.visibility = id;
      lists.put(info.name, info);
    } else {
      info.index = id;
      info.visibility = id;
      lists.put(info.name, info);
    }
  }

  void appendList(ListInfo info) throws ItemError {
    ListInfo prev = lists.get(info.name);
    if (prev == null) {
      throw new ItemError(ProblemCode.VALIDATE,
          "list has 'append' key or an append override but no list by that name already exists",
          info.span);
    }
    prev.items.addAll(info.items);
    prev.visibility = nextIndex++;
  }

  // ---------------------------------------------------------------- macros

  void defineMacro(MacroInfo info) {
    MacroInfo prev = macros.get(info.name);
    int id = nextIndex++;
    if (prev != null) {
      info.index = prev.index;
      info.visibility = id;
    } else {
      info.index = id;
      info.visibility = id;
    }
    macros.put(info.name, info);
  }

  void appendMacro(MacroInfo info) throws ItemError {
    MacroInfo prev = macros.get(info.name);
    if (prev == null) {
      throw new ItemError(ProblemCode.VALIDATE,
          "macro has 'append' key or an append override but no macro by that name already exists",
          info.span);
    }
    prev.condition = prev.condition.append(" ", info.condition);
    prev.visibility = nextIndex++;
  }

  // ---------------------------------------------------------------- rules

  /** Defines or redefines a rule; returns false when the rule's source is unknown (skipped). */
  void defineRule(RuleInfo info, List<RulesProblem> warnings, ProblemFactory problems)
      throws ItemError {
    RuleInfo prev = rules.get(info.name);
    if (prev != null && !prev.source.equals(info.source)) {
      throw new ItemError(ProblemCode.VALIDATE,
          "rule has been re-defined with a different source", info.span);
    }
    if (!knownSources.contains(info.source)) {
      info.unknownSource = true;
      warnings.add(problems.at(ProblemCode.UNKNOWN_SOURCE, info.span, ItemKind.RULE, info.name,
          "unknown source " + info.source + ", skipping"));
    }
    for (ExceptionInfo ex : info.exceptions) {
      if (ex.fields == null) {
        throw new ItemError(ProblemCode.VALIDATE,
            "rule exception item must have fields property with a list of fields", ex.span);
      }
      validateException(ex);
    }
    int id = nextIndex++;
    if (prev != null) {
      info.index = prev.index;
      info.visibility = id;
    } else {
      info.index = id;
      info.visibility = id;
    }
    rules.put(info.name, info);
  }

  void appendRule(RuleUpdate update) throws ItemError {
    RuleInfo prev = rules.get(update.name);
    if (prev == null) {
      throw new ItemError(ProblemCode.VALIDATE,
          "rule has 'append' key or an append override but no rule by that name already exists",
          update.span);
    }
    if (!update.hasAnyValue()) {
      throw new ItemError(ProblemCode.VALIDATE,
          "appended rule must have exceptions or condition property", update.span);
    }
    if (update.condition != null && !update.condition.isEmpty()) {
      prev.condition = prev.condition.append(" ", update.condition);
    }
    if (update.output != null && !update.output.isEmpty()) {
      prev.output = prev.output.append(" ", update.output);
    }
    if (update.description != null && !update.description.isEmpty()) {
      prev.description = prev.description + " " + update.description;
    }
    if (update.tags != null) {
      prev.tags.addAll(update.tags);
    }
    if (update.exceptions != null) {
      for (ExceptionInfo ex : update.exceptions) {
        ExceptionInfo existing = null;
        for (ExceptionInfo e : prev.exceptions) {
          if (e.name.equals(ex.name)) {
            existing = e;
            break;
          }
        }
        if (existing == null) {
          if (ex.fields == null) {
            throw new ItemError(ProblemCode.VALIDATE,
                "rule exception must have fields property with a list of fields", ex.span);
          }
          if (ex.values.isEmpty()) {
            throw new ItemError(ProblemCode.VALIDATE,
                "rule exception must have values property with a list of values", ex.span);
          }
          validateException(ex);
          prev.exceptions.add(ex);
        } else {
          if (ex.fields != null) {
            throw new ItemError(ProblemCode.VALIDATE,
                "can not append exception fields to existing exception, only values", ex.span);
          }
          if (ex.comps != null) {
            throw new ItemError(ProblemCode.VALIDATE,
                "can not append exception comps to existing exception, only values", ex.span);
          }
          existing.values.addAll(ex.values);
        }
      }
    }
    prev.visibility = nextIndex++;
  }

  void replaceRule(RuleUpdate update) throws ItemError {
    RuleInfo prev = rules.get(update.name);
    if (prev == null) {
      throw new ItemError(ProblemCode.VALIDATE,
          "rule has a replace override but no rule by that name already exists", update.span);
    }
    if (!update.hasAnyValue()) {
      throw new ItemError(ProblemCode.VALIDATE,
          "the rule must have at least one field that can be replaced", update.span);
    }
    if (update.exceptions != null) {
      for (ExceptionInfo ex : update.exceptions) {
        if (ex.fields == null) {
          throw new ItemError(ProblemCode.VALIDATE,
              "rule exception must have fields property with a list of fields", ex.span);
        }
        validateException(ex);
      }
    }
    if (update.condition != null) {
      prev.condition = update.condition;
    }
    if (update.output != null) {
      prev.output = update.output;
    }
    if (update.description != null) {
      prev.description = update.description;
    }
    if (update.tags != null) {
      prev.tags = new TreeSet<>(update.tags);
    }
    if (update.exceptions != null) {
      prev.exceptions = new ArrayList<>(update.exceptions);
    }
    if (update.priority != null) {
      prev.priority = update.priority;
    }
    if (update.enabled != null) {
      prev.enabled = update.enabled;
    }
    if (update.warnEvttypes != null) {
      prev.warnEvttypes = update.warnEvttypes;
    }
    if (update.skipIfUnknownFilter != null) {
      prev.skipIfUnknownFilter = update.skipIfUnknownFilter;
    }
    prev.visibility = nextIndex++;
  }

  void enableRule(String name, boolean enabled, SourceSpan span) throws ItemError {
    RuleInfo prev = rules.get(name);
    if (prev == null) {
      throw new ItemError(ProblemCode.VALIDATE,
          "rule has 'enabled' key but no rule by that name already exists", span);
    }
    prev.enabled = enabled;
  }

  /** Fills in default comps and checks the shape, as Falco does when an exception is defined. */
  static void validateException(ExceptionInfo ex) throws ItemError {
    if (ex.fields.isList()) {
      if (ex.comps == null) {
        List<ExceptionEntry> eq = new ArrayList<>();
        for (int i = 0; i < ex.fields.items().size(); i++) {
          eq.add(ExceptionEntry.of("=", ex.span));
        }
        ex.comps = ExceptionEntry.ofList(eq, ex.span);
      }
      if (!ex.comps.isList() || ex.fields.items().size() != ex.comps.items().size()) {
        throw new ItemError(ProblemCode.VALIDATE, "fields and comps lists must have equal length",
            ex.comps.span());
      }
      for (ExceptionEntry c : ex.comps.items()) {
        if (c.isList() || !OPERATORS.contains(c.item())) {
          throw new ItemError(ProblemCode.VALIDATE,
              "'" + c.item() + "' is not a supported comparison operator", c.span());
        }
      }
      for (ExceptionEntry f : ex.fields.items()) {
        if (f.isList()) {
          throw new ItemError(ProblemCode.VALIDATE, "exception fields must be strings", f.span());
        }
      }
    } else {
      if (ex.comps == null) {
        ex.comps = ExceptionEntry.of("in", ex.span);
      }
      if (ex.comps.isList()) {
        throw new ItemError(ProblemCode.VALIDATE, "fields and comps must both be strings",
            ex.comps.span());
      }
      if (!LIST_OPERATORS.contains(ex.comps.item())) {
        throw new ItemError(ProblemCode.VALIDATE,
            "when fields is a single value, comps must be one of (in, pmatch, intersects)",
            ex.comps.span());
      }
    }
  }
}
