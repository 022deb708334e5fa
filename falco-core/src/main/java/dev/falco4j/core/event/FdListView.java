package dev.falco4j.core.event;

/**
 * A {@code PT_FDLIST} parameter: a 16-bit count, then per entry an i64 fd and i16 poll flags
 * ({@code poll_flags}). Entries beyond the stored bytes are not reported. A reused view owned by
 * an {@link EventView}, valid until its next reset.
 */
public final class FdListView {

  private final EventView event;
  private int pos;
  private int count;

  FdListView(EventView event) {
    this.event = event;
  }

  FdListView reset(int index) {
    pos = 0;
    count = 0;
    if (event.hasParam(index)) {
      int len = event.paramLength(index);
      if (len >= 2) {
        pos = event.paramOffset(index);
        int declared = event.buffer().getShort(pos) & 0xFFFF;
        count = Math.min(declared, (len - 2) / 10);
      }
    }
    return this;
  }

  /** Number of entries. */
  public int size() {
    return count;
  }

  /** Fd of entry {@code i}. */
  public long fd(int i) {
    return event.buffer().getLong(pos + 2 + 10 * i);
  }

  /** Poll flags of entry {@code i} (unsigned 16 bits). */
  public int flags(int i) {
    return event.buffer().getShort(pos + 10 + 10 * i) & 0xFFFF;
  }
}
