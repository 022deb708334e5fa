package dev.falco4j.core.scap;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked little-endian cursor over one block body, for the metadata blocks (not the
 * per-event path). Overruns become {@link ScapFormatException}s naming the stream offset.
 * Package-private.
 */
final class BodyCursor {

  private final ByteBuffer b;
  private final String file;
  private final long blockType;
  private final long streamBase;
  private final int start;
  int pos;
  int end;

  /**
   * @param streamBase stream offset of buffer index 0
   */
  BodyCursor(ByteBuffer b, int pos, int end, String file, long blockType, long streamBase) {
    this.b = b;
    this.start = pos;
    this.pos = pos;
    this.end = end;
    this.file = file;
    this.blockType = blockType;
    this.streamBase = streamBase;
  }

  int left() {
    return end - pos;
  }

  long offset() {
    return streamBase + pos;
  }

  ScapFormatException error(String problem) {
    return new ScapFormatException(file, streamBase + pos, blockType, problem);
  }

  private void need(int n, String what) throws ScapFormatException {
    if (n < 0 || end - pos < n) {
      throw error("truncated " + what + ": expected " + n + " bytes, " + (end - pos) + " left");
    }
  }

  int u8(String what) throws ScapFormatException {
    need(1, what);
    return b.get(pos++) & 0xFF;
  }

  int u16(String what) throws ScapFormatException {
    need(2, what);
    int v = b.getShort(pos) & 0xFFFF;
    pos += 2;
    return v;
  }

  int i32(String what) throws ScapFormatException {
    need(4, what);
    int v = b.getInt(pos);
    pos += 4;
    return v;
  }

  long i64(String what) throws ScapFormatException {
    need(8, what);
    long v = b.getLong(pos);
    pos += 8;
    return v;
  }

  byte[] bytes(int n, String what) throws ScapFormatException {
    need(n, what);
    byte[] out = new byte[n];
    b.get(pos, out, 0, n);
    pos += n;
    return out;
  }

  /** A u16-length string; the value is the bytes up to the first NUL (libscap semantics). */
  String str16(String what) throws ScapFormatException {
    int n = u16(what + " length");
    need(n, what);
    int len = 0;
    while (len < n && b.get(pos + len) != 0) {
      len++;
    }
    byte[] out = new byte[len];
    b.get(pos, out, 0, len);
    pos += n;
    return new String(out, StandardCharsets.UTF_8);
  }

  /** A u16-length byte buffer (NUL-separated lists). */
  byte[] buf16(String what) throws ScapFormatException {
    int n = u16(what + " length");
    return bytes(n, what);
  }

  void skipTo(int newPos, String what) throws ScapFormatException {
    if (newPos < pos || newPos > end) {
      throw error(what + ": entry length " + (newPos - start) + " does not match its content");
    }
    pos = newPos;
  }
}
