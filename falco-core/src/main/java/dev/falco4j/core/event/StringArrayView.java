package dev.falco4j.core.event;

import java.nio.charset.StandardCharsets;

/**
 * NUL-separated strings in one parameter ({@code args}, {@code env}, {@code cgroups} of execve
 * and clone events). A trailing NUL ends the last string; a missing one is tolerated. A reused
 * view owned by an {@link EventView}, valid until its next reset.
 */
public final class StringArrayView {

  private final EventView event;
  private int pos;
  private int len;
  private int count = -1;

  StringArrayView(EventView event) {
    this.event = event;
  }

  StringArrayView reset(int index) {
    count = -1;
    if (event.hasParam(index)) {
      pos = event.paramOffset(index);
      len = event.paramLength(index);
    } else {
      pos = 0;
      len = 0;
    }
    return this;
  }

  /** Number of strings. */
  public int size() {
    if (count < 0) {
      int n = 0;
      int start = 0;
      for (int i = 0; i < len; i++) {
        if (event.buffer().get(pos + i) == 0) {
          n++;
          start = i + 1;
        }
      }
      if (start < len) {
        n++;
      }
      count = n;
    }
    return count;
  }

  /** Absolute offset of string {@code i} in the event buffer, or -1 when out of range. */
  public int offset(int i) {
    int idx = 0;
    int start = 0;
    for (int k = 0; k <= len; k++) {
      if (k == len || event.buffer().get(pos + k) == 0) {
        if (k == len && start == len) {
          break;
        }
        if (idx == i) {
          return pos + start;
        }
        idx++;
        start = k + 1;
      }
    }
    return -1;
  }

  /** Length of string {@code i} in bytes, or -1 when out of range. */
  public int length(int i) {
    int o = offset(i);
    if (o < 0) {
      return -1;
    }
    int end = pos + len;
    int k = o;
    while (k < end && event.buffer().get(k) != 0) {
      k++;
    }
    return k - o;
  }

  /** String {@code i} decoded as UTF-8 (allocates). */
  public String get(int i) {
    int o = offset(i);
    if (o < 0) {
      throw new IndexOutOfBoundsException(i);
    }
    byte[] b = new byte[length(i)];
    event.buffer().get(o, b, 0, b.length);
    return new String(b, StandardCharsets.UTF_8);
  }
}
