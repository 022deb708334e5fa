package dev.falco4j.output;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Folds repeats of the same alert (same rule, priority, output and output fields: alerts that read
 * differently are never folded together) within a window: the
 * first one passes at once, the repeats are counted, and when the window ends one summary alert
 * carrying the count goes out. Nothing disappears: every absorbed alert is in some summary's count.
 * Tracks at most {@code maxKeys} distinct alerts; beyond that alerts pass unguarded (memory stays
 * bounded, nothing is lost). Thread-safe.
 */
final class FloodGuard {
  private record Key(String rule, Priority priority, String output, Map<String, Object> fields) {}

  private static final class Window {
    long start;
    int repeats;
    Alert last;
  }

  private final long windowNanos;
  private final int maxKeys;
  private final Map<Key, Window> windows = new HashMap<>();

  FloodGuard(long windowNanos, int maxKeys) {
    this.windowNanos = windowNanos;
    this.maxKeys = maxKeys;
  }

  /**
   * Decides for one alert; adds to {@code summaries} a summary that is due.
   *
   * @return true when the alert should go out now, false when it was folded
   */
  synchronized boolean admit(Alert alert, long nowNanos, List<Alert> summaries) {
    Key key = new Key(alert.rule(), alert.priority(), alert.output(), alert.outputFields());
    Window w = windows.get(key);
    if (w != null && nowNanos - w.start < windowNanos) {
      w.repeats++;
      w.last = alert;
      return false;
    }
    if (w != null) {
      emit(w, summaries);
      w.start = nowNanos;
      return true;
    }
    if (windows.size() < maxKeys) {
      w = new Window();
      w.start = nowNanos;
      windows.put(key, w);
    }
    return true;
  }

  /** Emits the summaries of ended windows and forgets them; with {@code all}, of every window. */
  synchronized void sweep(long nowNanos, boolean all, List<Alert> summaries) {
    Iterator<Window> it = windows.values().iterator();
    while (it.hasNext()) {
      Window w = it.next();
      if (all || nowNanos - w.start >= windowNanos) {
        emit(w, summaries);
        it.remove();
      }
    }
  }

  private static void emit(Window w, List<Alert> summaries) {
    if (w.repeats > 0) {
      summaries.add(w.last.withCount(w.repeats));
    }
    w.repeats = 0;
    w.last = null;
  }
}
