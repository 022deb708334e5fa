package dev.falco4j.core.event;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/** Builds events in the scap layout for tests. */
public final class EventBytes {

  private EventBytes() {}

  /** A v2 event with 16-bit (or 32-bit when {@code large}) lengths. */
  public static byte[] v2(int type, long ts, long tid, boolean large, byte[]... params) {
    int w = large ? 4 : 2;
    int len = EventView.HEADER_SIZE + w * params.length;
    for (byte[] p : params) {
      len += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(ts).putLong(tid).putInt(len).putShort((short) type).putInt(params.length);
    for (byte[] p : params) {
      if (large) {
        b.putInt(p.length);
      } else {
        b.putShort((short) p.length);
      }
    }
    for (byte[] p : params) {
      b.put(p);
    }
    return b.array();
  }

  /** A legacy v1 event (22-byte header, 16-bit lengths). */
  public static byte[] v1(int type, long ts, long tid, byte[]... params) {
    int len = EventView.LEGACY_HEADER_SIZE + 2 * params.length;
    for (byte[] p : params) {
      len += p.length;
    }
    ByteBuffer b = ByteBuffer.allocate(len).order(ByteOrder.LITTLE_ENDIAN);
    b.putLong(ts).putLong(tid).putInt(len).putShort((short) type);
    for (byte[] p : params) {
      b.putShort((short) p.length);
    }
    for (byte[] p : params) {
      b.put(p);
    }
    return b.array();
  }

  public static byte[] i64(long v) {
    return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
  }

  public static byte[] u32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  public static byte[] u16(int v) {
    return ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) v).array();
  }

  public static byte[] u8(int v) {
    return new byte[] {(byte) v};
  }

  /** NUL-terminated text. */
  public static byte[] cstr(String s) {
    byte[] t = s.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[t.length + 1];
    System.arraycopy(t, 0, out, 0, t.length);
    return out;
  }

  public static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      o.writeBytes(p);
    }
    return o.toByteArray();
  }

  public static ByteBuffer le(byte[] b) {
    return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
  }
}
