package dev.falco4j.examples.cli;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.state.SystemState;
import java.util.BitSet;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Kernel-side selection, as Falco does it: the probe sends only the event types the active rules can
 * match plus those the state tracker needs, and drops everything else in the kernel. A rule on a
 * system call without a dedicated event (a generic event) needs every system call, as does
 * {@code -A}; a rule without any event-type restriction gets every dedicated event, not every
 * system call (Falco warns about such rules and does the same).
 */
final class LiveSelection {

  private LiveSelection() {}

  /** The options of the {@code live} event source for this engine. */
  static Map<String, String> options(Engine engine, boolean allEvents) {
    if (allEvents) {
      return Map.of("all_syscalls", "true");
    }
    EventTable table = EventTable.current();
    BitSet types = SystemState.trackedEventTypes(table);
    BitSet rules = engine.ruleEventTypes();
    boolean anyEvent = rules.nextClearBit(0) >= table.size();
    boolean generic = !anyEvent && needsGenericEvents(rules, table);
    rules.clear(table.size(), Math.max(table.size(), rules.length()));
    types.or(rules);
    StringJoiner ids = new StringJoiner(",");
    for (int id = types.nextSetBit(0); id >= 0; id = types.nextSetBit(id + 1)) {
      ids.add(Integer.toString(id));
    }
    return generic ? Map.of("event_types", ids.toString(), "all_syscalls", "true")
        : Map.of("event_types", ids.toString());
  }

  /**
   * True when a rule names a syscall the probe reports only as a generic event. A syscall with an
   * event of its own also has a generic type id (for older traces' generic events), which the
   * probe never sends: it needs no generic capture.
   */
  private static boolean needsGenericEvents(BitSet rules, EventTable table) {
    for (int id = rules.nextSetBit(table.size()); id >= 0; id = rules.nextSetBit(id + 1)) {
      String name = table.syscallName(id - table.size());
      if (name == null || (table.find(name, false) == null && table.find(name, true) == null)) {
        return true;
      }
    }
    return false;
  }
}
