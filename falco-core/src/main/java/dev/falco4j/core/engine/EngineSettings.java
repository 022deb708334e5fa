package dev.falco4j.core.engine;

import dev.falco4j.core.config.ConfigException;
import dev.falco4j.core.config.FalcoConfig;
import dev.falco4j.output.Priority;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The configuration keys the engine reads: {@code priority} (threshold), {@code rule_matching},
 * {@code rules} (enable/disable selections in order) and {@code append_output}.
 *
 * @param minimumPriority rules less severe than this are not run
 * @param ruleMatching first or all
 * @param selections enable/disable selections, applied in order after loading
 * @param appendOutputs extra output per matching rule
 */
public record EngineSettings(
    Priority minimumPriority,
    RuleMatching ruleMatching,
    List<RuleSelection> selections,
    List<AppendOutput> appendOutputs) {

  /** Falco's defaults: every priority, first match, no selections, nothing appended. */
  public static final EngineSettings DEFAULTS =
      new EngineSettings(Priority.DEBUG, RuleMatching.FIRST, List.of(), List.of());

  /** Validates and copies. */
  public EngineSettings {
    java.util.Objects.requireNonNull(minimumPriority, "minimumPriority");
    java.util.Objects.requireNonNull(ruleMatching, "ruleMatching");
    selections = List.copyOf(selections);
    appendOutputs = List.copyOf(appendOutputs);
  }

  /** These settings with more selections applied after the existing ones. */
  public EngineSettings withSelections(List<RuleSelection> more) {
    List<RuleSelection> all = new ArrayList<>(selections);
    all.addAll(more);
    return new EngineSettings(minimumPriority, ruleMatching, all, appendOutputs);
  }

  /** Reads the engine keys of a configuration. */
  public static EngineSettings from(FalcoConfig config) throws ConfigException {
    Priority priority;
    try {
      priority = Priority.parse(config.string("priority", "debug"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration key 'priority': " + e.getMessage());
    }
    RuleMatching matching;
    try {
      matching = RuleMatching.parse(config.string("rule_matching", "first"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException("configuration key 'rule_matching': " + e.getMessage());
    }
    return new EngineSettings(priority, matching, selections(config), appendOutputs(config));
  }

  private static List<RuleSelection> selections(FalcoConfig config) throws ConfigException {
    List<RuleSelection> out = new ArrayList<>();
    List<Object> entries = config.list("rules");
    for (int i = 0; i < entries.size(); i++) {
      String where = "configuration key 'rules[" + i + "]'";
      if (!(entries.get(i) instanceof Map<?, ?> entry) || entry.size() != 1) {
        throw new ConfigException(where + " must be a mapping with one key, enable or disable,"
            + " e.g. {disable: {rule: \"Some rule\"}}");
      }
      Map.Entry<?, ?> e = entry.entrySet().iterator().next();
      String action = String.valueOf(e.getKey());
      boolean enable;
      if (action.equals("enable")) {
        enable = true;
      } else if (action.equals("disable")) {
        enable = false;
      } else {
        throw new ConfigException(where + ": unknown action '" + action + "', expected enable or disable");
      }
      if (!(e.getValue() instanceof Map<?, ?> sel) || sel.isEmpty()) {
        throw new ConfigException(where + "." + action + " must be a mapping with 'rule' or 'tag'");
      }
      for (Map.Entry<?, ?> s : sel.entrySet()) {
        String kind = String.valueOf(s.getKey());
        String value = s.getValue() == null ? "" : String.valueOf(s.getValue());
        switch (kind) {
          case "rule" -> out.add(new RuleSelection(enable, RuleSelection.By.RULE, value));
          case "tag" -> out.add(new RuleSelection(enable, RuleSelection.By.TAG, value));
          default -> throw new ConfigException(where + "." + action + ": unknown selector '" + kind
              + "', expected rule or tag");
        }
      }
    }
    return out;
  }

  private static List<AppendOutput> appendOutputs(FalcoConfig config) throws ConfigException {
    List<AppendOutput> out = new ArrayList<>();
    List<Object> entries = config.list("append_output");
    for (int i = 0; i < entries.size(); i++) {
      String where = "configuration key 'append_output[" + i + "]'";
      if (!(entries.get(i) instanceof Map<?, ?> entry)) {
        throw new ConfigException(where + " must be a mapping");
      }
      String source = "";
      String rule = "";
      Set<String> tags = new LinkedHashSet<>();
      Object match = entry.get("match");
      if (match instanceof Map<?, ?> m) {
        source = m.get("source") == null ? "" : String.valueOf(m.get("source"));
        rule = m.get("rule") == null ? "" : String.valueOf(m.get("rule"));
        Object t = m.get("tags");
        if (t instanceof List<?> l) {
          for (Object o : l) {
            tags.add(String.valueOf(o));
          }
        } else if (t != null) {
          throw new ConfigException(where + ".match.tags must be a list");
        }
      } else if (match != null) {
        throw new ConfigException(where + ".match must be a mapping");
      }
      String extra = entry.get("extra_output") == null ? "" : String.valueOf(entry.get("extra_output"));
      Map<String, String> fields = new LinkedHashMap<>();
      Object ef = entry.get("extra_fields");
      if (ef instanceof List<?> l) {
        for (Object o : l) {
          if (o instanceof Map<?, ?> kv) {
            for (Map.Entry<?, ?> f : kv.entrySet()) {
              fields.put(String.valueOf(f.getKey()), String.valueOf(f.getValue()));
            }
          } else if (o != null) {
            fields.put(String.valueOf(o), "%" + o);
          }
        }
      } else if (ef != null) {
        throw new ConfigException(where + ".extra_fields must be a list");
      }
      out.add(new AppendOutput(source, tags, rule, extra, fields));
    }
    return out;
  }
}
