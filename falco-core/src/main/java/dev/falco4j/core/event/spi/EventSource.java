package dev.falco4j.core.event.spi;

import dev.falco4j.core.event.EventView;
import java.io.IOException;

/**
 * A stream of events in the scap event layout: a trace file ({@code ScapFileSource}), the live
 * eBPF probe, or a plugin. The consumer loop:
 *
 * <pre>{@code
 * EventView ev = new EventView();
 * try (EventSource src = ...) {
 *   stateTracker.load(src.initialState());
 *   for (int r; (r = src.next(ev)) != EventSource.END; ) {
 *     if (r == EventSource.EVENT) { ... ev is valid until the next call ... }
 *     else if (r == EventSource.NEW_SECTION) { stateTracker.load(src.initialState()); }
 *     // TIMEOUT: nothing arrived in time (live sources); do housekeeping, call again
 *   }
 * }
 * }</pre>
 *
 * <p>{@link #next} points the caller's view at the next event without allocating; the bytes stay
 * valid until the following call. Malformed single events are skipped and counted in {@link
 * #stats()}; an input that cannot be read on (broken framing, I/O error) ends in an {@link
 * IOException} that names the input and the position. Not thread-safe: one consumer thread.
 */
public interface EventSource extends AutoCloseable {

  /** {@link #next}: the view now shows the next event. */
  int EVENT = 1;
  /** {@link #next}: no event arrived within the source's poll timeout; call again. */
  int TIMEOUT = 0;
  /** {@link #next}: the source is exhausted (end of file, or closed). */
  int END = -1;
  /**
   * {@link #next}: a new section began (concatenated capture files); {@link #initialState()} now
   * returns the state recorded at its start. No event was delivered; call again.
   */
  int NEW_SECTION = 2;

  /** Human-readable name of the input (file path, "live probe"), used in messages. */
  String name();

  /**
   * The state recorded before the first event (threads, fds, users, groups, interfaces, machine);
   * empty for sources that have none. Available right after opening.
   */
  InitialState initialState();

  /**
   * Advances to the next event and points {@code into} at it.
   *
   * @return {@link #EVENT}, {@link #TIMEOUT}, {@link #END} or {@link #NEW_SECTION}
   * @throws IOException when the input cannot be read further; the message names the input and
   *     position ({@code ScapFormatException} for malformed traces)
   */
  int next(EventView into) throws IOException;

  /** Counters so far (events, bytes, skips, drops); a snapshot, cheap to take. */
  EventSourceStats stats();

  /** Releases the input. Idempotent; {@link #next} returns {@link #END} afterwards. */
  @Override
  void close() throws IOException;
}
