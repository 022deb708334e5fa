package dev.falco4j.core.rules;

/** The kinds of top-level items a rules file holds, named as Falco's messages name them. */
public enum ItemKind {
  /** The file as a whole (YAML syntax, a document that is not a list). */
  RULES_CONTENT("rules content"),
  /** A top-level entry whose kind could not be recognised. */
  ITEM("item"),
  RULE("rule"),
  MACRO("macro"),
  LIST("list"),
  REQUIRED_ENGINE_VERSION("required_engine_version"),
  REQUIRED_PLUGIN_VERSIONS("required_plugin_versions");

  private final String label;

  ItemKind(String label) {
    this.label = label;
  }

  /** The word used in messages ("rule", "macro", ...). */
  public String label() {
    return label;
  }
}
