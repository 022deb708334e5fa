package dev.falco4j.core.rules;

import dev.falco4j.core.rules.RulesCollector.ExceptionInfo;
import dev.falco4j.core.rules.RulesCollector.ItemError;
import dev.falco4j.core.rules.RulesCollector.ListInfo;
import dev.falco4j.core.rules.RulesCollector.MacroInfo;
import dev.falco4j.core.rules.RulesCollector.RuleInfo;
import dev.falco4j.core.rules.RulesCollector.RuleUpdate;
import dev.falco4j.dsl.SourceSpan;
import dev.falco4j.output.Priority;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Reads one rules text into the {@link RulesCollector}: checks the shape of every item as Falco
 * does and applies definitions, appends and overrides in order. Unlike Falco, which stops at the
 * first error of a file, a bad item is reported and skipped and reading goes on, so one run shows
 * every problem.
 */
final class RulesFileReader {
  private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z]+[a-zA-Z0-9_]*");
  private static final Pattern BARE_STRING = Pattern.compile("[^()\"'\\s=,]+");

  private static final Set<String> RULE_KEYS =
      Set.of("rule", "desc", "condition", "output", "priority", "enabled", "tags", "source",
          "exceptions", "warn_evttypes", "skip-if-unknown-filter", "capture", "capture_duration",
          "append", "override");
  private static final Set<String> MACRO_KEYS = Set.of("macro", "condition", "append", "override");
  private static final Set<String> LIST_KEYS = Set.of("list", "items", "append", "override");
  private static final Set<String> EXCEPTION_KEYS = Set.of("name", "fields", "comps", "values");

  private static final List<String> RULE_APPENDABLE =
      List.of("condition", "output", "desc", "tags", "exceptions");
  private static final List<String> RULE_REPLACEABLE =
      List.of("condition", "output", "desc", "priority", "tags", "exceptions", "enabled",
          "warn_evttypes", "skip-if-unknown-filter");

  private final RulesCollector collector;
  private final ProblemFactory factory;
  private final List<RulesProblem> problems;

  /** Kind and name of the item being read, for messages. */
  private ItemKind kind = ItemKind.ITEM;
  private String name = "";

  RulesFileReader(RulesCollector collector, ProblemFactory factory, List<RulesProblem> problems) {
    this.collector = collector;
    this.factory = factory;
    this.problems = problems;
  }

  void read(SourceText source) {
    factory.register(source);
    PositionedYamlReader yaml = new PositionedYamlReader(source);
    List<YamlNode> docs;
    try {
      docs = yaml.readAll();
    } catch (YamlSyntaxException e) {
      problems.add(factory.at(ProblemCode.YAML_PARSE, source.span(e.offset(), 1),
          ItemKind.RULES_CONTENT, "", "invalid YAML: " + e.getMessage()));
      return;
    }
    for (YamlNode.Entry dup : yaml.duplicateKeys()) {
      problems.add(factory.at(ProblemCode.DUPLICATE_KEY, source.span(dup.keyStart(), 1),
          ItemKind.RULES_CONTENT, "", "key '" + dup.key() + "' given more than once; the last one is used"));
    }
    for (YamlNode doc : docs) {
      if (!(doc instanceof YamlNode.Sequence seq)) {
        problems.add(factory.at(ProblemCode.YAML_VALIDATE, doc.span(), ItemKind.RULES_CONTENT, "",
            "rules content is not a YAML list of items (found " + doc.kindName() + ")"));
        continue;
      }
      for (YamlNode item : seq.items()) {
        if (item instanceof YamlNode.Scalar s && s.isNull()) {
          continue;
        }
        kind = ItemKind.ITEM;
        name = "";
        try {
          readItem(item);
        } catch (ItemError e) {
          problems.add(factory.at(e.code, e.span, kind, name, e.getMessage()));
        }
      }
    }
  }

  private void readItem(YamlNode node) throws ItemError {
    if (!(node instanceof YamlNode.Mapping item)) {
      throw error(ProblemCode.YAML_VALIDATE, node,
          "unexpected element type: each element should be a YAML mapping (found "
              + node.kindName() + ")");
    }
    if (item.has("required_engine_version")) {
      kind = ItemKind.REQUIRED_ENGINE_VERSION;
      readEngineVersion(item);
    } else if (item.has("required_plugin_versions")) {
      kind = ItemKind.REQUIRED_PLUGIN_VERSIONS;
      readPluginVersions(item);
    } else if (item.has("list")) {
      kind = ItemKind.LIST;
      readList(item);
    } else if (item.has("macro")) {
      kind = ItemKind.MACRO;
      readMacro(item);
    } else if (item.has("rule")) {
      kind = ItemKind.RULE;
      readRule(item);
    } else {
      warn(ProblemCode.UNKNOWN_ITEM, item.span(), "unknown top level item (keys "
          + item.entries().keySet() + "); expected rule, macro, list, required_engine_version"
          + " or required_plugin_versions");
    }
  }

  // ---------------------------------------------------------------- versions

  private void readEngineVersion(YamlNode.Mapping item) throws ItemError {
    YamlNode.Scalar v = requireScalar(item, "required_engine_version");
    EngineVersion version;
    try {
      version = EngineVersion.parse(v.text());
    } catch (IllegalArgumentException e) {
      throw error(ProblemCode.YAML_VALIDATE, v, e.getMessage());
    }
    collector.requireEngineVersion(version, v.span());
  }

  private void readPluginVersions(YamlNode.Mapping item) throws ItemError {
    YamlNode value = item.get("required_plugin_versions");
    if (!(value instanceof YamlNode.Sequence seq)) {
      throw error(ProblemCode.YAML_VALIDATE, value, "value of required_plugin_versions must be a sequence");
    }
    for (YamlNode p : seq.items()) {
      if (!(p instanceof YamlNode.Mapping plugin)) {
        throw error(ProblemCode.YAML_VALIDATE, p, "plugin version must be a mapping");
      }
      List<PluginRequirement> alternatives = new ArrayList<>();
      alternatives.add(readRequirement(plugin));
      YamlNode alts = plugin.get("alternatives");
      if (alts != null) {
        if (!(alts instanceof YamlNode.Sequence altSeq)) {
          throw error(ProblemCode.YAML_VALIDATE, alts,
              "value of plugin version alternatives must be a sequence");
        }
        for (YamlNode a : altSeq.items()) {
          if (!(a instanceof YamlNode.Mapping alt)) {
            throw error(ProblemCode.YAML_VALIDATE, a, "plugin version alternative must be a mapping");
          }
          alternatives.add(readRequirement(alt));
        }
      }
      Set<String> seen = new LinkedHashSet<>();
      for (PluginRequirement r : alternatives) {
        if (!seen.add(r.name())) {
          throw error(ProblemCode.VALIDATE, plugin,
              "defined multiple alternative version requirements for plugin '" + r.name() + "'");
        }
      }
      collector.requirePlugins(alternatives);
    }
  }

  private PluginRequirement readRequirement(YamlNode.Mapping plugin) throws ItemError {
    String pluginName = requireString(plugin, "name");
    YamlNode.Scalar version = requireScalar(plugin, "version");
    if (!Pattern.matches("\\d+\\.\\d+\\.\\d+.*", version.text())) {
      throw error(ProblemCode.VALIDATE, version,
          "invalid required version '" + version.text() + "' for plugin '" + pluginName + "'");
    }
    return new PluginRequirement(pluginName, version.text());
  }

  // ---------------------------------------------------------------- lists

  private void readList(YamlNode.Mapping item) throws ItemError {
    name = requireString(item, "list");
    if (!BARE_STRING.matcher(name).matches()) {
      throw error(ProblemCode.VALIDATE, item.get("list"),
          "list name '" + name + "' is invalid: it must be a bare word, without blanks, quotes,"
              + " parentheses, '=' or ','");
    }
    warnUnknownKeys(item, LIST_KEYS);
    ListInfo info = new ListInfo();
    info.name = name;
    info.span = item.span();
    YamlNode items = item.get("items");
    if (items == null) {
      throw error(ProblemCode.YAML_VALIDATE, item, "item has no mapping for key 'items'");
    }
    if (items instanceof YamlNode.Sequence seq) {
      for (YamlNode v : seq.items()) {
        if (!(v instanceof YamlNode.Scalar s) || s.isNull()) {
          throw error(ProblemCode.YAML_VALIDATE, v, "list items must be scalars (found " + v.kindName() + ")");
        }
        info.items.add(s.text());
      }
    } else if (!(items instanceof YamlNode.Scalar s && s.isNull())) {
      throw error(ProblemCode.YAML_VALIDATE, items, "value of 'items' is not a sequence");
    }
    boolean append = optionalBool(item, "append", false);
    if (append) {
      warn(ProblemCode.DEPRECATED_ITEM, item.span(),
          "'append' is deprecated; use 'override: {items: append}'");
    }
    Overrides ov = readOverrides(item, Set.of("items"), Set.of("items"));
    if (append && !ov.isEmpty()) {
      throw error(ProblemCode.VALIDATE, item, "keys 'override' and 'append: true' cannot be used together");
    }
    if (append || ov.append.contains("items")) {
      collector.appendList(info);
    } else {
      collector.defineList(info);
    }
  }

  // ---------------------------------------------------------------- macros

  private void readMacro(YamlNode.Mapping item) throws ItemError {
    name = requireString(item, "macro");
    if (!IDENTIFIER.matcher(name).matches()) {
      throw error(ProblemCode.VALIDATE, item.get("macro"),
          "macro name '" + name + "' is invalid: it must start with a letter and hold only"
              + " letters, digits and '_'");
    }
    warnUnknownKeys(item, MACRO_KEYS);
    MacroInfo info = new MacroInfo();
    info.name = name;
    info.span = item.span();
    info.condition = PositionedText.fromScalar(requireScalar(item, "condition"));
    boolean append = optionalBool(item, "append", false);
    if (append) {
      warn(ProblemCode.DEPRECATED_ITEM, item.span(),
          "'append' is deprecated; use 'override: {condition: append}'");
    }
    Overrides ov = readOverrides(item, Set.of("condition"), Set.of("condition"));
    if (append && !ov.isEmpty()) {
      throw error(ProblemCode.VALIDATE, item, "keys 'override' and 'append: true' cannot be used together");
    }
    if (append || ov.append.contains("condition")) {
      collector.appendMacro(info);
    } else {
      collector.defineMacro(info);
    }
  }

  // ---------------------------------------------------------------- rules

  private void readRule(YamlNode.Mapping item) throws ItemError {
    name = requireString(item, "rule");
    warnUnknownKeys(item, RULE_KEYS);
    boolean appendFlag = optionalBool(item, "append", false);
    if (appendFlag) {
      warn(ProblemCode.DEPRECATED_ITEM, item.span(),
          "'append' is deprecated; use 'override' with 'append' or 'replace' per key");
    }
    Overrides ov = readOverrides(item, Set.copyOf(RULE_APPENDABLE), Set.copyOf(RULE_REPLACEABLE));
    if (appendFlag && !ov.isEmpty()) {
      throw error(ProblemCode.VALIDATE, item, "keys 'override' and 'append: true' cannot be used together");
    }
    if (!ov.isEmpty()) {
      readRuleOverrides(item, ov);
    } else if (appendFlag) {
      RuleUpdate u = new RuleUpdate();
      u.name = name;
      u.span = item.span();
      if (item.has("condition")) {
        u.condition = PositionedText.fromScalar(requireScalar(item, "condition"));
      }
      if (item.has("exceptions")) {
        u.exceptions = readExceptions(item, true);
      }
      collector.appendRule(u);
    } else if (!item.has("condition") && !item.has("output") && !item.has("desc")
        && !item.has("priority")) {
      boolean enabled = requireBool(item, "enabled");
      warn(ProblemCode.DEPRECATED_ITEM, item.span(),
          "a rule item with only 'enabled' is deprecated; use 'override: {enabled: replace}'");
      collector.enableRule(name, enabled, item.span());
    } else {
      RuleInfo r = new RuleInfo();
      r.name = name;
      r.span = item.span();
      r.condition = PositionedText.fromScalar(requireScalar(item, "condition"));
      YamlNode.Scalar output = requireScalar(item, "output");
      r.output = trimmed(output);
      r.description = requireString(item, "desc");
      r.priority = requirePriority(item);
      if (item.has("source")) {
        r.source = requireString(item, "source");
      }
      r.enabled = optionalBool(item, "enabled", true);
      r.warnEvttypes = optionalBool(item, "warn_evttypes", true);
      r.skipIfUnknownFilter = optionalBool(item, "skip-if-unknown-filter", false);
      r.capture = optionalBool(item, "capture", false);
      if (item.has("capture_duration")) {
        YamlNode.Scalar d = requireScalar(item, "capture_duration");
        try {
          r.captureDuration = Long.parseLong(d.text().strip());
        } catch (NumberFormatException e) {
          throw error(ProblemCode.YAML_VALIDATE, d, "capture_duration must be an integer (milliseconds)");
        }
      }
      TreeSet<String> tags = readTags(item);
      if (tags != null) {
        r.tags = tags;
      }
      r.exceptions = readExceptions(item, false);
      collector.defineRule(r, problems, factory);
    }
  }

  private void readRuleOverrides(YamlNode.Mapping item, Overrides ov) throws ItemError {
    Set<String> expected = new LinkedHashSet<>();
    for (String key : RULE_REPLACEABLE) {
      if (item.has(key)) {
        expected.add(key);
      }
    }
    if (!ov.append.isEmpty()) {
      RuleUpdate u = new RuleUpdate();
      u.name = name;
      u.span = item.span();
      if (expect(item, expected, ov.append, "append", "condition")) {
        u.condition = PositionedText.fromScalar(requireScalar(item, "condition"));
      }
      if (expect(item, expected, ov.append, "append", "exceptions")) {
        u.exceptions = readExceptions(item, true);
      }
      if (expect(item, expected, ov.append, "append", "output")) {
        u.output = trimmed(requireScalar(item, "output"));
      }
      if (expect(item, expected, ov.append, "append", "desc")) {
        u.description = requireString(item, "desc");
      }
      if (expect(item, expected, ov.append, "append", "tags")) {
        u.tags = readTags(item);
        if (u.tags == null) {
          u.tags = new TreeSet<>();
        }
      }
      collector.appendRule(u);
    }
    if (!ov.replace.isEmpty()) {
      RuleUpdate u = new RuleUpdate();
      u.name = name;
      u.span = item.span();
      if (expect(item, expected, ov.replace, "replace", "condition")) {
        u.condition = PositionedText.fromScalar(requireScalar(item, "condition"));
      }
      if (expect(item, expected, ov.replace, "replace", "exceptions")) {
        u.exceptions = readExceptions(item, true);
      }
      if (expect(item, expected, ov.replace, "replace", "output")) {
        u.output = trimmed(requireScalar(item, "output"));
      }
      if (expect(item, expected, ov.replace, "replace", "desc")) {
        u.description = requireString(item, "desc");
      }
      if (expect(item, expected, ov.replace, "replace", "tags")) {
        u.tags = readTags(item);
        if (u.tags == null) {
          u.tags = new TreeSet<>();
        }
      }
      if (expect(item, expected, ov.replace, "replace", "priority")) {
        u.priority = requirePriority(item);
      }
      if (expect(item, expected, ov.replace, "replace", "enabled")) {
        u.enabled = requireBool(item, "enabled");
      }
      if (expect(item, expected, ov.replace, "replace", "warn_evttypes")) {
        u.warnEvttypes = requireBool(item, "warn_evttypes");
      }
      if (expect(item, expected, ov.replace, "replace", "skip-if-unknown-filter")) {
        u.skipIfUnknownFilter = requireBool(item, "skip-if-unknown-filter");
      }
      collector.replaceRule(u);
    }
    for (String key : expected) {
      throw error(ProblemCode.VALIDATE, item.entries().get(key).keyStart(), item,
          "unexpected key '" + key + "': no corresponding entry under 'override' is defined");
    }
  }

  private boolean expect(YamlNode.Mapping item, Set<String> expected, Set<String> overrides,
      String type, String key) throws ItemError {
    if (!overrides.contains(key)) {
      return false;
    }
    if (!expected.remove(key)) {
      throw error(ProblemCode.VALIDATE, item.get("override"),
          "an " + type + " override for '" + key + "' was specified but '" + key + "' is not defined");
    }
    return true;
  }

  private record Overrides(Set<String> append, Set<String> replace) {
    boolean isEmpty() {
      return append.isEmpty() && replace.isEmpty();
    }
  }

  private Overrides readOverrides(YamlNode.Mapping item, Set<String> appendable,
      Set<String> replaceable) throws ItemError {
    Set<String> append = new LinkedHashSet<>();
    Set<String> replace = new LinkedHashSet<>();
    YamlNode node = item.get("override");
    if (node == null) {
      return new Overrides(append, replace);
    }
    if (!(node instanceof YamlNode.Mapping map)) {
      throw error(ProblemCode.YAML_VALIDATE, node, "value of 'override' must be a mapping of key: append|replace");
    }
    for (YamlNode.Entry e : map.entries().values()) {
      String key = e.key();
      String op = e.value() instanceof YamlNode.Scalar s ? s.text() : "";
      if (op.equals("append")) {
        if (!appendable.contains(key)) {
          throw error(ProblemCode.VALIDATE, e.keyStart(), item,
              "key '" + key + "' cannot be appended to" + (replaceable.contains(key)
                  ? ", use 'replace' instead" : ""));
        }
        append.add(key);
      } else if (op.equals("replace")) {
        if (!replaceable.contains(key)) {
          throw error(ProblemCode.VALIDATE, e.keyStart(), item, "key '" + key + "' cannot be replaced");
        }
        replace.add(key);
      } else {
        StringBuilder allowed = new StringBuilder();
        if (appendable.contains(key)) {
          allowed.append("append ");
        }
        if (replaceable.contains(key)) {
          allowed.append("replace ");
        }
        throw error(ProblemCode.VALIDATE, e.value(),
            "invalid override operation for key '" + key + "': '" + op + "'. Allowed values are: "
                + (allowed.length() == 0 ? "none" : allowed.toString().strip()));
      }
    }
    return new Overrides(append, replace);
  }

  // ---------------------------------------------------------------- exceptions

  private List<ExceptionInfo> readExceptions(YamlNode.Mapping item, boolean append) throws ItemError {
    List<ExceptionInfo> out = new ArrayList<>();
    YamlNode exs = item.get("exceptions");
    if (exs == null || exs instanceof YamlNode.Scalar s && s.isNull()) {
      return out;
    }
    if (!(exs instanceof YamlNode.Sequence seq)) {
      throw error(ProblemCode.YAML_VALIDATE, exs, "rule exceptions must be a sequence");
    }
    for (YamlNode exNode : seq.items()) {
      if (!(exNode instanceof YamlNode.Mapping ex)) {
        throw error(ProblemCode.YAML_VALIDATE, exNode, "rule exception must be a mapping");
      }
      ExceptionInfo info = new ExceptionInfo();
      info.name = requireString(ex, "name");
      info.span = ex.span();
      warnUnknownKeys(ex, EXCEPTION_KEYS);
      for (ExceptionInfo other : out) {
        if (other.name.equals(info.name)) {
          throw error(ProblemCode.VALIDATE, ex,
              "exception names in the same rule must be unique ('" + info.name + "' is repeated)");
        }
      }
      YamlNode fields = ex.get("fields");
      if (fields != null) {
        info.fields = readEntry(fields, "fields");
      } else if (!append) {
        throw error(ProblemCode.YAML_VALIDATE, ex, "exception '" + info.name + "' has no mapping for key 'fields'");
      }
      YamlNode comps = ex.get("comps");
      if (comps != null) {
        info.comps = readEntry(comps, "comps");
      }
      YamlNode values = ex.get("values");
      if (values != null && !(values instanceof YamlNode.Scalar vs && vs.isNull())) {
        if (!(values instanceof YamlNode.Sequence vseq)) {
          throw error(ProblemCode.YAML_VALIDATE, values, "rule exception values must be a sequence");
        }
        for (YamlNode v : vseq.items()) {
          info.values.add(readEntry(v, "values"));
        }
      } else if (append) {
        warn(ProblemCode.APPEND_NO_VALUES, ex.span(), "overriding/appending exception '"
            + info.name + "' with no values");
      }
      out.add(info);
    }
    return out;
  }

  private ExceptionEntry readEntry(YamlNode node, String key) throws ItemError {
    if (node instanceof YamlNode.Scalar s) {
      if (s.isNull() || s.text().isEmpty()) {
        throw error(ProblemCode.YAML_VALIDATE, node, "value of exception '" + key + "' must be non-empty");
      }
      return ExceptionEntry.of(s.text(), s.span());
    }
    if (node instanceof YamlNode.Sequence seq) {
      List<ExceptionEntry> items = new ArrayList<>();
      for (YamlNode v : seq.items()) {
        items.add(readEntry(v, key));
      }
      return ExceptionEntry.ofList(items, seq.span());
    }
    throw error(ProblemCode.YAML_VALIDATE, node,
        "value of exception '" + key + "' must be a string or a list (found " + node.kindName() + ")");
  }

  // ---------------------------------------------------------------- typed values

  private TreeSet<String> readTags(YamlNode.Mapping item) throws ItemError {
    YamlNode tags = item.get("tags");
    if (tags == null) {
      return null;
    }
    if (!(tags instanceof YamlNode.Sequence seq)) {
      throw error(ProblemCode.YAML_VALIDATE, tags, "value of 'tags' is not a sequence");
    }
    TreeSet<String> out = new TreeSet<>();
    for (YamlNode t : seq.items()) {
      if (!(t instanceof YamlNode.Scalar s) || s.isNull()) {
        throw error(ProblemCode.YAML_VALIDATE, t, "tags must be scalars (found " + t.kindName() + ")");
      }
      out.add(s.text());
    }
    return out;
  }

  private Priority requirePriority(YamlNode.Mapping item) throws ItemError {
    YamlNode.Scalar p = requireScalar(item, "priority");
    try {
      return Priority.parse(p.text());
    } catch (IllegalArgumentException e) {
      throw error(ProblemCode.YAML_VALIDATE, p, "invalid priority '" + p.text()
          + "': expected one of emergency, alert, critical, error, warning, notice,"
          + " informational (or info), debug");
    }
  }

  private static PositionedText trimmed(YamlNode.Scalar s) {
    String text = s.text();
    String t = text.strip();
    if (t.equals(text)) {
      return PositionedText.fromScalar(s);
    }
    YamlNode.Scalar cut = new YamlNode.Scalar(s.source(), s.start(), s.end(), t, s.isNull(), s.quoted(), s.kind());
    return PositionedText.fromScalar(cut);
  }

  private YamlNode.Scalar requireScalar(YamlNode.Mapping item, String key) throws ItemError {
    if (!item.has(key)) {
      throw error(ProblemCode.YAML_VALIDATE, item, "item has no mapping for key '" + key + "'");
    }
    YamlNode v = item.get(key);
    if (v instanceof YamlNode.Scalar s && s.isNull()) {
      throw error(ProblemCode.YAML_VALIDATE, item.entries().get(key).keyStart(), item,
          "mapping for key '" + key + "' is empty");
    }
    if (!(v instanceof YamlNode.Scalar s)) {
      throw error(ProblemCode.YAML_VALIDATE, v, "value of '" + key + "' is not a scalar value (found "
          + v.kindName() + ")");
    }
    if (s.text().isEmpty()) {
      throw error(ProblemCode.YAML_VALIDATE, v, "value of '" + key + "' must be non-empty");
    }
    return s;
  }

  private String requireString(YamlNode.Mapping item, String key) throws ItemError {
    return requireScalar(item, key).text();
  }

  private boolean requireBool(YamlNode.Mapping item, String key) throws ItemError {
    YamlNode.Scalar s = requireScalar(item, key);
    Boolean b = parseBool(s.text());
    if (b == null) {
      throw error(ProblemCode.YAML_VALIDATE, s, "value of '" + key + "' must be a boolean (true or false), found '"
          + s.text() + "'");
    }
    return b;
  }

  private boolean optionalBool(YamlNode.Mapping item, String key, boolean defaultValue) throws ItemError {
    return item.has(key) ? requireBool(item, key) : defaultValue;
  }

  /** YAML 1.1 booleans, as yaml-cpp (and so Falco) accepts them. */
  private static Boolean parseBool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "on" -> {
        return Boolean.TRUE;
      }
      case "false", "no", "n", "off" -> {
        return Boolean.FALSE;
      }
      default -> {
        return null;
      }
    }
  }

  private void warnUnknownKeys(YamlNode.Mapping item, Set<String> known) {
    for (YamlNode.Entry e : item.entries().values()) {
      if (!known.contains(e.key())) {
        warn(ProblemCode.UNKNOWN_KEY, item.source().span(e.keyStart(), e.key().length()),
            "unknown key '" + e.key() + "' (ignored)");
      }
    }
  }

  private void warn(ProblemCode code, SourceSpan span, String message) {
    problems.add(factory.at(code, span, kind, name, message));
  }

  private static ItemError error(ProblemCode code, YamlNode node, String message) {
    return new ItemError(code, message, node.span());
  }

  private static ItemError error(ProblemCode code, int offset, YamlNode in, String message) {
    return new ItemError(code, message, in.source().span(offset, 1));
  }
}
