package dev.falco4j.core.event;

import java.util.List;

/**
 * One row of the event table: what an event type id means (name, direction, category, flags) and
 * the parameters it carries, in on-disk order. Immutable; obtained from {@link EventTable}.
 */
public final class EventInfo {

  private final int id;
  private final String name;
  private final int category;
  private final int flags;
  private final String symbol;
  private final ParamInfo[] params;
  private final List<ParamInfo> paramList;

  EventInfo(int id, String name, int category, int flags, String symbol, ParamInfo[] params) {
    this.id = id;
    this.name = name;
    this.category = category;
    this.flags = flags;
    this.symbol = symbol;
    this.params = params;
    this.paramList = List.of(params);
  }

  /** Event type id (row of the table). */
  public int id() {
    return id;
  }

  /** Event name as shown by {@code evt.type} ({@code open}, {@code execve}, {@code syscall}...). */
  public String name() {
    return name;
  }

  /** True for enter events (even ids). */
  public boolean isEnter() {
    return (id & 1) == 0;
  }

  /** {@code '>'} for enter events, {@code '<'} for exit events, as {@code evt.dir} prints. */
  public char directionSymbol() {
    return isEnter() ? '>' : '<';
  }

  /** Category word, see {@link EventCategory}. */
  public int category() {
    return category;
  }

  /** Flag bits, see {@link EventFlags}. */
  public int flags() {
    return flags;
  }

  /** True when one of the given {@link EventFlags} bits is set. */
  public boolean hasFlag(int flag) {
    return (flags & flag) != 0;
  }

  /** True when the length array of this type holds 32-bit entries. */
  public boolean isLargePayload() {
    return (flags & EventFlags.LARGE_PAYLOAD) != 0;
  }

  /** The driver's enumerator ({@code PPME_SYSCALL_OPEN_X}). */
  public String symbol() {
    return symbol;
  }

  /** Number of parameters the table declares. */
  public int paramCount() {
    return params.length;
  }

  /** Parameter {@code index}, which must be below {@link #paramCount()}. */
  public ParamInfo param(int index) {
    return params[index];
  }

  /** Index of the parameter named {@code paramName}, or -1. */
  public int paramIndex(String paramName) {
    ParamInfo[] ps = params;
    // The table's names and the state's lookups are both string literals, hence the same
    // interned objects: a reference scan finds them without comparing characters (the state
    // looks parameters up by name on every fd and process event).
    for (int i = 0; i < ps.length; i++) {
      if (ps[i].name() == paramName) {
        return i;
      }
    }
    for (int i = 0; i < ps.length; i++) {
      if (ps[i].name().equals(paramName)) {
        return i;
      }
    }
    return -1;
  }

  /** The parameters, unmodifiable. */
  public List<ParamInfo> params() {
    return paramList;
  }

  @Override
  public String toString() {
    return id + ":" + name + (isEnter() ? "(E)" : "(X)");
  }
}
