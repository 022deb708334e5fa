package dev.falco4j.core.event;

import java.util.List;

/**
 * The alternatives of a dynamic parameter ({@code PT_DYN}): its first byte selects one of these
 * entries, the rest of the value is encoded as the selected type (scap-format.md §10.4).
 */
public final class DynamicParamTable {

  private final String name;
  private final ParamInfo[] alternatives;

  DynamicParamTable(String name, List<ParamInfo> alternatives) {
    this.name = name;
    this.alternatives = alternatives.toArray(new ParamInfo[0]);
  }

  /** Table name ({@code sockopt_dynamic_param}). */
  public String name() {
    return name;
  }

  /** Number of alternatives. */
  public int size() {
    return alternatives.length;
  }

  /**
   * The alternative for {@code selector} (name = the index symbol, type, format), or null when the
   * selector is out of range (the value then stays uninterpreted).
   */
  public ParamInfo alternative(int selector) {
    return selector >= 0 && selector < alternatives.length ? alternatives[selector] : null;
  }
}
