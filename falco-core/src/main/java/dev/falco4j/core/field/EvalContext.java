package dev.falco4j.core.field;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.state.FdInfo;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.ThreadInfo;

/**
 * What a compiled condition reads for one event: the event view and the system state after the
 * event was applied. One context per event loop; {@link #next(EventView)} applies the event to the
 * state and moves the context on, so the engine's loop is:
 *
 * <pre>{@code
 * EvalContext ctx = new EvalContext(state);
 * while (source.next(view) == EventSource.EVENT) {
 *   ctx.next(view);                // state.apply(view) + per-event caches reset
 *   if (condition.test(ctx)) ...   // extractors read ctx
 * }
 * }</pre>
 *
 * <p>Per-event lookups (the parent thread, the ancestors) are cached in primitive fields stamped with
 * a per-context event sequence, never in maps. Mutable, not thread safe; valid until the next event.
 */
public final class EvalContext {

  private static final int MAX_ANCESTORS = 64;

  private final SystemState state;
  private EventView event;
  private long sequence;
  private long parentStamp = -1;
  private ThreadInfo parent;
  private long ancestorsStamp = -1;
  private final ThreadInfo[] ancestors = new ThreadInfo[MAX_ANCESTORS];
  private int ancestorCount;
  private final PathArgs pathArgs = new PathArgs();

  /** A context over the given state. */
  public EvalContext(SystemState state) {
    this.state = state;
  }

  /** Applies the event to the state, then points the context at it. */
  public void next(EventView ev) {
    state.apply(ev);
    moveTo(ev);
  }

  /**
   * Points the context at an event that the caller already applied to the state (when the engine
   * applies state itself).
   */
  public void moveTo(EventView ev) {
    this.event = ev;
    sequence++;
  }

  /** The current event. */
  public EventView event() {
    return event;
  }

  /** The system state. */
  public SystemState state() {
    return state;
  }

  /** Increases once per event; caches compare against it. */
  public long sequence() {
    return sequence;
  }

  /** The thread of the current event, or null. */
  public ThreadInfo thread() {
    return state.currentThread();
  }

  /** The fd of the current event, or null. */
  public FdInfo fd() {
    return state.currentFd();
  }

  /** The file-system paths of the current event (computed on first use). */
  PathArgs pathArgs() {
    return pathArgs;
  }

  /** The parent of the current event's process, or null. */
  public ThreadInfo parent() {
    if (parentStamp != sequence) {
      ThreadInfo t = thread();
      parent = t == null ? null : state.thread(t.ptid());
      parentStamp = sequence;
    }
    return parent;
  }

  /**
   * Ancestor {@code level} of the current process: 0 is the process (its main thread), 1 its
   * parent, and so on; null beyond the known chain.
   */
  public ThreadInfo ancestor(int level) {
    if (level <= 0) {
      ThreadInfo t = thread();
      return level == 0 && t != null ? t.mainThread() : null;
    }
    loadAncestors();
    return level - 1 < ancestorCount ? ancestors[level - 1] : null;
  }

  /** Number of known ancestors (parent, grandparent ...) of the current thread. */
  public int ancestorCount() {
    loadAncestors();
    return ancestorCount;
  }

  private void loadAncestors() {
    if (ancestorsStamp == sequence) {
      return;
    }
    ancestorsStamp = sequence;
    int n = 0;
    ThreadInfo t = thread();
    t = t == null ? null : t.mainThread();
    while (t != null && n < MAX_ANCESTORS) {
      long ptid = t.ptid();
      if (ptid <= 0 || ptid == t.tid() || ptid == t.pid()) {
        break;
      }
      ThreadInfo p = state.thread(ptid);
      if (p == null) {
        break;
      }
      ancestors[n++] = p;
      t = p;
    }
    for (int i = n; i < ancestorCount; i++) {
      ancestors[i] = null;
    }
    ancestorCount = n;
  }
}
