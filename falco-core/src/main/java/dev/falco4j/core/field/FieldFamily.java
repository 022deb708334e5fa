package dev.falco4j.core.field;

import java.util.List;

/**
 * One class of fields ({@code proc}, {@code fd}, ...): their definitions for {@code --list} and the
 * binding of a field reference to an accessor. The catalog validates arguments against each
 * field's {@link ArgMode} before asking the family for an accessor.
 */
public abstract class FieldFamily {

  /** Subclasses are the built-in families and extractor plugins. */
  protected FieldFamily() {}

  /** The class name shown by {@code --list} ({@code proc}). */
  public abstract String name();

  /** What the class is about, for {@code --list}. */
  public abstract String description();

  /** The fields, in display order. */
  public abstract List<FieldDef> fields();

  /**
   * A new accessor for a field of this family.
   *
   * @param def the field
   * @param key the argument text (null when none)
   * @param index the argument as a number for index arguments, else -1
   * @param list true for the argument-less list form of an index field
   */
  protected abstract FieldAccessor accessor(FieldDef def, String key, int index, boolean list);
}
