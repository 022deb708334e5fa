package dev.falco4j.core.rules;

import dev.falco4j.core.rules.RulesCollector.ItemError;
import dev.falco4j.dsl.ConditionParser;
import dev.falco4j.dsl.Diagnostic;
import dev.falco4j.dsl.ParseResult;
import dev.falco4j.dsl.SourceSpan;
import dev.falco4j.dsl.ast.Expander;
import dev.falco4j.dsl.ast.Expr;
import dev.falco4j.dsl.ast.Quoting;
import dev.falco4j.dsl.ast.StringLit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses every macro and rule condition, folds rule exceptions in, and expands macros and lists
 * with Falco's visibility rules: a list item names an earlier list, a macro may use macros defined
 * (or last updated) before it, a rule may use every macro and every list. Undefined names and
 * reference loops are errors, lists and macros nobody uses are warnings. Problems carry the rules
 * file position of the offending token, also inside a macro used by the rule.
 */
public final class RulesResolver {
  /** Falco's nesting limit for rule conditions. */
  private static final int MAX_DEPTH = 1000;

  private final ConditionParser parser = ConditionParser.withMaxDepth(MAX_DEPTH);

  /**
   * The outcome: resolved rules in definition order and the problems found. {@link #problem} turns
   * a position reported by later stages (the condition compiler) into a rules file problem.
   */
  public static final class Result {
    private final List<ResolvedRule> rules;
    private final List<RulesProblem> problems;
    private final Map<String, PositionedText> texts;
    private final ProblemFactory factory;

    Result(List<ResolvedRule> rules, List<RulesProblem> problems, Map<String, PositionedText> texts,
        ProblemFactory factory) {
      this.rules = List.copyOf(rules);
      this.problems = List.copyOf(problems);
      this.texts = Map.copyOf(texts);
      this.factory = factory;
    }

    /** Resolved rules in definition order (rules with errors are left out). */
    public List<ResolvedRule> rules() {
      return rules;
    }

    /** Problems found while resolving. */
    public List<RulesProblem> problems() {
      return problems;
    }

    /**
     * A problem at a span of a parsed condition (a rule's or a macro's: the span's file names which
     * one), reported at its position in the rules file.
     */
    public RulesProblem problem(ProblemCode code, SourceSpan conditionSpan, ItemKind kind,
        String name, String message) {
      PositionedText text = texts.get(conditionSpan.file());
      SourceSpan where = text == null ? conditionSpan
          : text.spanAt(conditionSpan.offset(), conditionSpan.length());
      return factory.at(code, where, kind, name, message);
    }

    /** A problem at a span of a given text (an output template, for instance). */
    public RulesProblem problem(ProblemCode code, PositionedText text, int offset, int length,
        ItemKind kind, String name, String message) {
      for (SourceText src : text.sources()) {
        factory.register(src);
      }
      return factory.at(code, text.spanAt(offset, length), kind, name, message);
    }

    /** Whether any problem is an error. */
    public boolean hasErrors() {
      for (RulesProblem p : problems) {
        if (p.isError()) {
          return true;
        }
      }
      return false;
    }
  }

  /** Creates a resolver; cheap, and one per load is fine. */
  public RulesResolver() {}

  /** Resolves every rule of {@code loaded} (disabled rules too, as Falco compiles them all). */
  public Result resolve(LoadedRules loaded) {
    Session s = new Session(loaded);
    return s.run();
  }

  /** State of one resolution. */
  private final class Session {
    private final LoadedRules loaded;
    private final List<RulesProblem> problems = new ArrayList<>();
    private final Set<String> seenProblems = new HashSet<>();
    private final Map<String, PositionedText> textsBySourceName = new HashMap<>();
    private final Map<String, List<StringLit>> listItems = new HashMap<>();
    private final Map<String, Expr> macroBodies = new HashMap<>();
    private final Set<String> usedLists = new HashSet<>();
    private final Set<String> usedMacros = new HashSet<>();
    private final Set<String> failedMacros = new HashSet<>();
    private final ProblemFactory factory = new ProblemFactory();

    Session(LoadedRules loaded) {
      this.loaded = loaded;
    }

    Result run() {
      for (MacroDefinition m : loaded.macros().values()) {
        m.condition().sources().forEach(factory::register);
      }
      for (RuleDefinition r : loaded.rules().values()) {
        r.condition().sources().forEach(factory::register);
      }
      expandLists();
      parseMacros();
      expandMacros();
      List<ResolvedRule> rules = new ArrayList<>();
      for (RuleDefinition rule : loaded.rules().values()) {
        ResolvedRule r = resolveRule(rule);
        if (r != null) {
          rules.add(r);
        }
      }
      for (MacroDefinition m : loaded.macros().values()) {
        if (!usedMacros.contains(m.name())) {
          add(ProblemCode.UNUSED_MACRO, m.span(), ItemKind.MACRO, m.name(),
              "macro not referred to by any rule or macro");
        }
      }
      for (ListDefinition l : loaded.lists().values()) {
        if (!usedLists.contains(l.name())) {
          add(ProblemCode.UNUSED_LIST, l.span(), ItemKind.LIST, l.name(),
              "list not referred to by any rule, macro or list");
        }
      }
      return new Result(rules, problems, textsBySourceName, factory);
    }

    /** Expands list items that name earlier lists, in definition order (one pass suffices). */
    private void expandLists() {
      for (ListDefinition list : loaded.lists().values()) {
        List<StringLit> items = new ArrayList<>();
        for (String item : list.items()) {
          ListDefinition ref = loaded.lists().get(item);
          if (ref != null && ref.index() < list.visibility() && listItems.containsKey(item)) {
            usedLists.add(item);
            items.addAll(listItems.get(item));
          } else {
            items.add(literal(item, list.span()));
          }
        }
        listItems.put(list.name(), items);
      }
    }

    /**
     * A list item as a literal. Falco pastes items into the condition text, so an item written with
     * its own quotes is a quoted string; otherwise the text is the value.
     */
    private StringLit literal(String item, SourceSpan span) {
      if (item.length() >= 2) {
        char q = item.charAt(0);
        if ((q == '"' || q == '\'') && item.charAt(item.length() - 1) == q) {
          return new StringLit(item.substring(1, item.length() - 1),
              q == '"' ? Quoting.DOUBLE : Quoting.SINGLE, span);
        }
      }
      // Marked as quoted so the expander does not take the value for another list's name: Falco
      // resolves list-in-list references only by definition order, which expandLists did.
      return new StringLit(item, Quoting.DOUBLE, span);
    }

    private void parseMacros() {
      for (MacroDefinition m : loaded.macros().values()) {
        Expr body = parse(m.condition(), "macro\u0000" + m.name(), ItemKind.MACRO, m.name());
        if (body != null) {
          macroBodies.put(m.name(), body);
        }
      }
    }

    private void expandMacros() {
      for (MacroDefinition m : loaded.macros().values()) {
        Expr body = macroBodies.get(m.name());
        if (body == null) {
          continue;
        }
        int visibility = m.visibility();
        boolean[] usesFailed = new boolean[1];
        Expander expander = new Expander(name -> {
          MacroDefinition ref = loaded.macros().get(name);
          if (ref == null || ref.index() >= visibility) {
            return null;
          }
          usesFailed[0] |= failedMacros.contains(name);
          return macroBodies.get(name);
        }, listItems::get);
        Expander.Result r = expander.expand(body);
        usedMacros.addAll(r.usedMacros());
        usedLists.addAll(r.usedLists());
        if (r.hasErrors()) {
          failedMacros.add(m.name());
          // A macro that failed only because it uses a broken one repeats that macro's error.
          if (!usesFailed[0]) {
            report(r.diagnostics(), ItemKind.MACRO, m.name(), visibility);
          }
        } else {
          report(r.diagnostics(), ItemKind.MACRO, m.name(), visibility);
          macroBodies.put(m.name(), r.expr());
        }
      }
    }

    private ResolvedRule resolveRule(RuleDefinition rule) {
      PositionedText condition;
      try {
        condition = ExceptionFolder.fold(rule.condition(), rule.exceptions());
      } catch (ItemError e) {
        add(e.code, e.span, ItemKind.RULE, rule.name(), e.getMessage());
        return null;
      }
      Expr parsed = parse(condition, "rule\u0000" + rule.name(), ItemKind.RULE, rule.name());
      if (parsed == null) {
        return null;
      }
      Expander expander = new Expander(macroBodies::get, listItems::get);
      Expander.Result r = expander.expand(parsed);
      usedMacros.addAll(r.usedMacros());
      usedLists.addAll(r.usedLists());
      report(r.diagnostics(), ItemKind.RULE, rule.name(), Integer.MAX_VALUE);
      if (r.hasErrors()) {
        return null;
      }
      return new ResolvedRule(rule, condition, r.expr());
    }

    private Expr parse(PositionedText text, String sourceName, ItemKind kind, String name) {
      textsBySourceName.put(sourceName, text);
      for (SourceText src : text.sources()) {
        factory.register(src);
      }
      ParseResult r = parser.parse(text.text(), sourceName, 1, 1);
      report(r.diagnostics(), kind, name, Integer.MAX_VALUE);
      return r.ok() ? r.expr() : null;
    }

    private void report(List<Diagnostic> diagnostics, ItemKind kind, String name, int visibility) {
      for (Diagnostic d : diagnostics) {
        SourceSpan where = toFile(d.span());
        String message = d.message();
        String undefined = undefinedMacroName(message);
        if (undefined != null) {
          MacroDefinition later = loaded.macros().get(undefined);
          if (later != null && later.index() >= visibility && name.equals(undefined)) {
            message += " (a macro cannot use itself)";
          } else if (later != null && later.index() >= visibility) {
            message += " (it is defined at " + later.span().file() + ":" + later.span().line()
                + ", after this macro: a macro can only use macros defined before it)";
          }
        }
        add(d.isError() ? ProblemCode.COMPILE_CONDITION : ProblemCode.CONDITION_WARNING, where,
            kind, name, message);
      }
    }

    private static String undefinedMacroName(String message) {
      String prefix = "undefined macro '";
      if (message.startsWith(prefix) && message.endsWith("'")) {
        return message.substring(prefix.length(), message.length() - 1);
      }
      return null;
    }

    /** Maps a span in condition coordinates (source name = which text) back into the rules file. */
    private SourceSpan toFile(SourceSpan span) {
      PositionedText text = textsBySourceName.get(span.file());
      if (text == null) {
        return span;
      }
      return text.spanAt(span.offset(), span.length());
    }

    private void add(ProblemCode code, SourceSpan span, ItemKind kind, String name, String message) {
      String key = code + "|" + span + "|" + message;
      if (!seenProblems.add(key)) {
        return;
      }
      problems.add(factory.at(code, span, kind, name, message));
    }
  }
}
