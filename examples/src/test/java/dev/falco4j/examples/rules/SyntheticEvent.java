package dev.falco4j.examples.rules;

import dev.falco4j.core.event.EventView;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Builds one exit event in the current scap event layout (26-byte v2 header, 2-byte parameter
 * lengths, then the parameters; shared/spec/scap-format.md), for event types the live probe does
 * not capture, so that their rules can at least be replayed. Parameter encodings follow
 * shared/spec/event-table.tsv: int64 for PT_ERRNO/PT_PID/PT_FD, little endian throughout.
 */
final class SyntheticEvent {
  private final int type;
  private final ByteArrayOutputStream params = new ByteArrayOutputStream();
  private final ByteArrayOutputStream lengths = new ByteArrayOutputStream();
  private int count;

  SyntheticEvent(int type) {
    this.type = type;
  }

  SyntheticEvent i64(long v) {
    return raw(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array());
  }

  SyntheticEvent u32(int v) {
    return raw(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
  }

  SyntheticEvent u16(int v) {
    return raw(ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array());
  }

  /** A PT_DYN parameter: one byte of variant index, then the variant's value. */
  SyntheticEvent dynU64(int index, long v) {
    return raw(ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN).put((byte) index).putLong(v).array());
  }

  /** A PT_CHARBUF parameter: the bytes and a terminating NUL. */
  SyntheticEvent str(String s) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    byte[] z = new byte[b.length + 1];
    System.arraycopy(b, 0, z, 0, b.length);
    return raw(z);
  }

  private SyntheticEvent raw(byte[] value) {
    params.writeBytes(value);
    lengths.write(value.length & 0xFF);
    lengths.write((value.length >>> 8) & 0xFF);
    count++;
    return this;
  }

  /** A view of the event, as thread {@code tid} at {@code timestamp}. */
  EventView view(long timestamp, long tid, long number) {
    int len = EventView.HEADER_SIZE + lengths.size() + params.size();
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(timestamp).putLong(tid).putInt(len).putShort((short) type).putInt(count);
    b.put(lengths.toByteArray()).put(params.toByteArray());
    EventView v = new EventView();
    v.reset(b, 0, 0, 0, number);
    int problem = v.checkLayout(len);
    if (problem != EventView.LAYOUT_OK) {
      throw new IllegalStateException("synthetic event type " + type + ": " + EventView.layoutProblem(problem));
    }
    return v;
  }
}
