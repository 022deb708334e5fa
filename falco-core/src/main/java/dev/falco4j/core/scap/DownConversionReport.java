package dev.falco4j.core.scap;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link ScapWriter} did to fit the events into an older reader's layouts ({@link
 * ScapCompatibility#SYSDIG_0_29}). Counts are per source event type, keyed {@code "name <"} for
 * exit and {@code "name >"} for enter events, largest first.
 *
 * @param target the reader written for (e.g. "sysdig 0.29.3")
 * @param eventsIn events handed to the writer
 * @param eventsWritten event blocks written (rewritten events may take two)
 * @param enterEventsAdded enter events written in front of an exit because the older reader takes
 *     some of the syscall's arguments, or its fd, from the enter event
 * @param withEnter events given such an enter event (the generic pairs not included), by source
 *     type
 * @param rewritten events written in an older layout of the same syscall (an older type id with
 *     its parameters, or the base syscall's event), by source type
 * @param asGeneric events written as the generic {@code syscall} pair (the older table has no
 *     event of their own), by source type
 * @param dropped events left out (no meaningful older equivalent), by source type
 */
public record DownConversionReport(
    String target,
    long eventsIn,
    long eventsWritten,
    long enterEventsAdded,
    Map<String, Long> withEnter,
    Map<String, Long> rewritten,
    Map<String, Long> asGeneric,
    Map<String, Long> dropped) {

  /** Copies the maps. */
  public DownConversionReport {
    withEnter = Map.copyOf(withEnter);
    rewritten = Map.copyOf(rewritten);
    asGeneric = Map.copyOf(asGeneric);
    dropped = Map.copyOf(dropped);
  }

  /** Events left out in total. */
  public long droppedTotal() {
    return sum(dropped);
  }

  /** Events rewritten (older layout or generic) in total; events only given an enter event are not. */
  public long convertedTotal() {
    return sum(rewritten) + sum(asGeneric);
  }

  /**
   * One line for a log: {@code "trace for sysdig 0.29.3: 5376 events in, 7900 written (2524 enter
   * events added); enter added: close < 2430, ...; older layouts: dup2 < 40, ...; generic syscall:
   * prctl < 61; dropped: none"}.
   */
  public String summary() {
    StringBuilder sb = new StringBuilder(256);
    sb.append("trace for ").append(target).append(": ").append(eventsIn).append(" events in, ")
        .append(eventsWritten).append(" written (").append(enterEventsAdded)
        .append(" enter events added); enter added: ");
    append(sb, withEnter);
    sb.append("; older layouts: ");
    append(sb, rewritten);
    sb.append("; generic syscall: ");
    append(sb, asGeneric);
    sb.append("; dropped: ");
    append(sb, dropped);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Map<String, Long> counts) {
    if (counts.isEmpty()) {
      sb.append("none");
      return;
    }
    boolean first = true;
    for (Map.Entry<String, Long> e : sorted(counts).entrySet()) {
      sb.append(first ? "" : ", ").append(e.getKey()).append(' ').append(e.getValue());
      first = false;
    }
  }

  /** Largest count first, then by name. */
  static Map<String, Long> sorted(Map<String, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed()
            .thenComparing(Map.Entry.comparingByKey()))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static long sum(Map<String, Long> m) {
    long s = 0;
    for (long v : m.values()) {
      s += v;
    }
    return s;
  }
}
