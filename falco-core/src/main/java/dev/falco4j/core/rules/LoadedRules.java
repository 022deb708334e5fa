package dev.falco4j.core.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the rules files define once every file was read in order and every append and override
 * applied: lists, macros and rules in definition order (by name), the engine and plugin versions
 * they require, the files read and every problem found. Conditions are not compiled yet; see
 * {@link RuleSetCompiler}.
 *
 * @param lists lists by name, in definition order
 * @param macros macros by name, in definition order
 * @param rules rules by name, in definition order (rules of unknown sources are left out)
 * @param requiredEngineVersion the highest {@code required_engine_version} seen (0.0.0 if none)
 * @param requiredPluginVersions each {@code required_plugin_versions} entry with its alternatives
 * @param files the files (or string labels) read, in order
 * @param problems errors and warnings, in the order found
 */
public record LoadedRules(
    Map<String, ListDefinition> lists,
    Map<String, MacroDefinition> macros,
    Map<String, RuleDefinition> rules,
    EngineVersion requiredEngineVersion,
    List<List<PluginRequirement>> requiredPluginVersions,
    List<String> files,
    List<RulesProblem> problems) {

  /** Copies (keeping order). */
  public LoadedRules {
    lists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(lists));
    macros = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(macros));
    rules = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rules));
    requiredPluginVersions = List.copyOf(requiredPluginVersions);
    files = List.copyOf(files);
    problems = List.copyOf(problems);
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

  /** The errors only. */
  public List<RulesProblem> errors() {
    List<RulesProblem> out = new ArrayList<>();
    for (RulesProblem p : problems) {
      if (p.isError()) {
        out.add(p);
      }
    }
    return out;
  }

  /** The warnings only. */
  public List<RulesProblem> warnings() {
    List<RulesProblem> out = new ArrayList<>();
    for (RulesProblem p : problems) {
      if (!p.isError()) {
        out.add(p);
      }
    }
    return out;
  }
}
