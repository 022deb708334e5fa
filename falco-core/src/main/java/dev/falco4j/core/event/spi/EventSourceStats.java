package dev.falco4j.core.event.spi;

/**
 * Counters of an {@link EventSource}.
 *
 * @param events events delivered
 * @param bytes input bytes consumed (decompressed bytes for gzip traces)
 * @param skippedUnknownType events skipped because their type id is not in the event table
 * @param skippedMalformed events skipped because their layout was invalid (see {@code
 *     firstProblem})
 * @param dropped events lost before they reached the source (live ring-buffer drops), 0 for files
 * @param sections sections read (concatenated captures have several)
 * @param firstProblem description of the first skipped malformed event or block, or null
 */
public record EventSourceStats(
    long events,
    long bytes,
    long skippedUnknownType,
    long skippedMalformed,
    long dropped,
    int sections,
    String firstProblem) {

  /** Skipped events of any reason. */
  public long skipped() {
    return skippedUnknownType + skippedMalformed;
  }
}
