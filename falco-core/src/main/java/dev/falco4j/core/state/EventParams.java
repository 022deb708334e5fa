package dev.falco4j.core.state;

import dev.falco4j.core.event.EventView;

/**
 * Reads a parameter by name from an exit event, falling back to the matching enter event of the
 * same thread. Old traces (and sysdig-era drivers) split a syscall's arguments between its enter
 * and exit events ({@code openat} exit carried only the fd; the path was on the enter event), so
 * the state needs both. Reused for every event; allocates only when a string is asked for.
 */
final class EventParams {

  private EventView exit;
  private EventView enter;
  private EventView found;
  private int foundIndex;

  void reset(EventView exit, EventView enterOrNull) {
    this.exit = exit;
    this.enter = enterOrNull;
  }

  EventView exitView() {
    return exit;
  }

  /**
   * Locates a non-empty parameter; on success {@link #foundView()} and {@link #foundIndex()} say
   * where it is.
   */
  boolean locate(String name) {
    int i = exit.paramIndex(name);
    if (i >= 0 && i < exit.paramCount() && exit.paramLength(i) > 0) {
      found = exit;
      foundIndex = i;
      return true;
    }
    if (enter != null) {
      i = enter.paramIndex(name);
      if (i >= 0 && i < enter.paramCount() && enter.paramLength(i) > 0) {
        found = enter;
        foundIndex = i;
        return true;
      }
    }
    found = null;
    foundIndex = -1;
    return false;
  }

  EventView foundView() {
    return found;
  }

  int foundIndex() {
    return foundIndex;
  }

  long asLong(String name, long ifAbsent) {
    return locate(name) ? found.paramAsLong(foundIndex, ifAbsent) : ifAbsent;
  }

  /** The text of a parameter, or null when absent or empty. */
  String asString(String name) {
    if (!locate(name)) {
      return null;
    }
    String s = found.paramAsString(foundIndex);
    // Old producers wrote a missing string as "(NULL)".
    return s.isEmpty() || s.equals("(NULL)") ? null : s;
  }

  /** The NUL-separated strings of a parameter, or null when absent. */
  String[] asStringList(String name) {
    if (!locate(name)) {
      return null;
    }
    int off = found.paramOffset(foundIndex);
    int len = found.paramLength(foundIndex);
    byte[] bytes = new byte[len];
    found.buffer().get(off, bytes, 0, len);
    return NulList.split(bytes, 0, len);
  }
}
