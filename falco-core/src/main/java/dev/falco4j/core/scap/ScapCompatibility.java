package dev.falco4j.core.scap;

import dev.falco4j.core.event.EventTable;

/**
 * Which readers a written trace must satisfy.
 *
 * <p>Block layout is the same for both (what current libscap writes: SHB 1.2, MI, IL v2, UL v2,
 * PL v9, FDL v2, EV_V2/EVF_V2 and their _LARGE variants); sysdig 0.29.3 reads all of those. The
 * difference is the events: sysdig 0.29.3 (libs e5c53d64, March 2022) knows event type ids 0-335
 * only and silently skips higher ids (they take no event number). It reads every event version
 * whose id it knows, including the old enter/exit layouts found in the shared corpus, and v2
 * events carrying more parameters than its table (it shows the extra ones as nothing). But its
 * state engine expects the enter/exit pairs of its time: an exit event's fd, for instance, comes
 * from the thread's last enter event, and today's drivers send exit events only.
 */
public enum ScapCompatibility {
  /** Events are copied as they are; any type the current table knows is written. */
  CURRENT,
  /**
   * Every event is written in a layout sysdig 0.29.3 knows, so that it shows the same events with
   * the same values as Falco4J does when both read the file: an event whose type id sysdig knows is
   * kept whole (sysdig ignores the params appended since, today's readers keep them), with the
   * enter event sysdig needs written in front when the syscall's arguments or fd lived there in
   * 2022 (e.g. {@code close} exit (res, fd) gets {@code close} enter (fd)); a type sysdig lacks is
   * written as the older version of the same syscall ({@code dup} 367 as {@code dup} 124/125,
   * {@code dup2} as {@code dup}); a syscall the older table has no event for becomes the generic
   * {@code syscall} pair; what has no meaningful equivalent ({@code asyncevent}, {@code
   * useradded}, kernel-iterator events, syscalls newer than 2022) is left out. Fd-list entries of
   * kinds newer than sysdig's are written as "unsupported". The rules come from the two event
   * tables and libscap's converter table read backwards; {@link ScapWriter#downConversion()}
   * reports per type what was done.
   */
  SYSDIG_0_29;

  /** True when events of this type id may be written as they are. */
  public boolean accepts(int type) {
    return this == CURRENT ? EventTable.current().isKnown(type) : EventTable.sysdig029().isKnown(type);
  }
}
