package dev.falco4j.core.engine;

import dev.falco4j.core.state.ThreadInfo;

/**
 * Which of the {@link ParallelReplay} workers evaluates the rules on an event. Every worker applies
 * every event to its own copy of the state, so whichever worker evaluates an event sees exactly
 * the state a single thread would see there, and the alerts are merged back in event order: the
 * choice changes how evenly the work spreads, never the alerts.
 */
public enum EvaluationPartition {
  /**
   * By process: {@code hash(proc.pid) % workers}, so that all events of one process are evaluated
   * by one worker, in order (events of threads the state does not know: by thread id). The choice
   * for evaluation that keeps state of its own per process across events; uneven when one process
   * makes most of the events.
   */
  PROCESS,
  /**
   * By position in the stream: event {@code n} goes to worker {@code n % workers}. Even whatever
   * the processes; valid because evaluating a rule reads only the event and the state after it.
   */
  EVENT;

  /** Fibonacci hashing: consecutive pids spread over the workers. */
  private static final long GOLDEN = 0x9E3779B97F4A7C15L;

  /**
   * The worker (0 to {@code workers - 1}) that evaluates an event.
   *
   * @param sequence the event's position in the stream, 1-based
   * @param thread the event's thread after the event was applied, or null when unknown
   * @param tid the event header's thread id
   * @param workers the number of workers, at least 1
   */
  public int workerOf(long sequence, ThreadInfo thread, long tid, int workers) {
    if (this == EVENT) {
      return (int) (sequence % workers);
    }
    long key = thread != null ? thread.pid() : tid;
    long h = key * GOLDEN;
    // The high 32 bits, scaled to [0, workers) without a division.
    return (int) (((h >>> 32) * workers) >>> 32);
  }

  /** Parses {@code process} or {@code event} (any case). */
  public static EvaluationPartition parse(String text) {
    for (EvaluationPartition p : values()) {
      if (p.name().equalsIgnoreCase(text.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown evaluation partition '" + text
        + "', expected process or event");
  }
}
