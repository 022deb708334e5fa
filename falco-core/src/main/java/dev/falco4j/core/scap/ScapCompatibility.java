package dev.falco4j.core.scap;

import dev.falco4j.core.event.EventTable;

/**
 * Which readers a written trace must satisfy.
 *
 * <p>Block layout is the same for both (what current libscap writes: SHB 1.2, MI, IL v2, UL v2,
 * PL v9, FDL v2, EV_V2/EVF_V2 and their _LARGE variants); sysdig 0.29.3 reads all of those. The
 * difference is the events: sysdig 0.29.3 (libs e5c53d64, March 2022) knows event type ids 0-335
 * only; it silently skips higher ids (they take no event number). It reads every event version
 * whose id it knows, including the old enter/exit layouts found in the shared corpus, and v2
 * events carrying fewer parameters than its table. It shows parameters past its table's count as
 * nothing; ids 336 and up (newer execve/clone versions, {@code asyncevent}, the kernel-iterator
 * {@code task*} events...) do not exist for it.
 */
public enum ScapCompatibility {
  /** Any event the current table knows is written. */
  CURRENT,
  /**
   * Events whose type id is unknown to sysdig 0.29.3 ({@code >= 336}) are left out and counted
   * ({@link ScapWriter#skippedEvents()}), so the file shows the same events in sysdig as in
   * Falco4J.
   */
  SYSDIG_0_29;

  /** True when events of this type id may be written. */
  public boolean accepts(int type) {
    return this == CURRENT ? EventTable.current().isKnown(type) : EventTable.sysdig029().isKnown(type);
  }
}
