package dev.falco4j.core.rules;

/**
 * What went wrong, as a stable code (tests and JSON validation output use it). The names follow
 * Falco's load result codes where Falco has one.
 */
public enum ProblemCode {
  // ---- errors
  /** The text is not valid YAML. */
  YAML_PARSE(true),
  /** Valid YAML but not the shape of a rules file: not a list, an item not a mapping, wrong types. */
  YAML_VALIDATE(true),
  /** A well-formed item that makes no sense: append without a previous definition, bad exception. */
  VALIDATE(true),
  /** The rules need a newer engine than this one. */
  ENGINE_VERSION(true),
  /** A condition does not parse or does not type-check, or names an undefined macro or list. */
  COMPILE_CONDITION(true),
  /** An output template names an unknown field or is malformed. */
  COMPILE_OUTPUT(true),
  /** A file or directory could not be read. */
  READ(true),

  // ---- warnings
  /** A key that Falco does not define for this kind of item. */
  UNKNOWN_KEY(false),
  /** A top-level item of an unknown kind. */
  UNKNOWN_ITEM(false),
  /** A key given twice in one mapping; the later value wins. */
  DUPLICATE_KEY(false),
  /** A deprecated form: {@code append: true}, an {@code enabled}-only rule item. */
  DEPRECATED_ITEM(false),
  /** A macro that no rule or macro refers to. */
  UNUSED_MACRO(false),
  /** A list that no rule, macro or list refers to. */
  UNUSED_LIST(false),
  /** A rule whose condition matches every (or more than 100) event types. */
  NO_EVTTYPE(false),
  /** A rule for an event source this engine does not have; it is skipped. */
  UNKNOWN_SOURCE(false),
  /** An appended or overridden exception without values. */
  APPEND_NO_VALUES(false),
  /** A rule with {@code skip-if-unknown-filter: true} used an unknown field and was skipped. */
  UNKNOWN_FILTER(false),
  /** Other compiler warnings about a condition. */
  CONDITION_WARNING(false);

  private final boolean error;

  ProblemCode(boolean error) {
    this.error = error;
  }

  /** Whether problems with this code stop the rules from loading. */
  public boolean isError() {
    return error;
  }
}
