package dev.falco4j.core.scap;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.ZipException;

/**
 * A refillable little-endian window over the (decompressed) trace stream. Blocks are decoded in
 * place; the window moves forward and grows only as far as data actually arrives, so a corrupt
 * length cannot make it allocate more than about twice the bytes really present. Memory stays
 * constant for files of any size. Package-private.
 */
final class BlockInput {

  private final InputStream in;
  private final String name;
  private ByteBuffer buf;
  /** Stream offset of {@code buf[0]}. */
  private long base;
  private int pos;
  private int limit;
  private boolean eof;

  BlockInput(InputStream in, String name, int initialCapacity) {
    this.in = in;
    this.name = name;
    this.buf = ByteBuffer.allocate(initialCapacity).order(ByteOrder.LITTLE_ENDIAN);
  }

  ByteBuffer buffer() {
    return buf;
  }

  /** Buffer index of the current position. */
  int position() {
    return pos;
  }

  /** Stream offset of the current position. */
  long streamOffset() {
    return base + pos;
  }

  /** Stream offset of a buffer index. */
  long streamOffset(int index) {
    return base + index;
  }

  int available() {
    return limit - pos;
  }

  void skip(int n) {
    pos += n;
  }

  /**
   * Makes {@code n} bytes from the current position available in the buffer (the position may
   * move to another index: re-read {@link #position()}). Returns false when the stream ends first;
   * {@link #available()} then tells how many bytes there were.
   */
  boolean ensure(int n) throws IOException {
    if (limit - pos >= n) {
      return true;
    }
    if (pos > 0) {
      buf.put(0, buf, pos, limit - pos);
      base += pos;
      limit -= pos;
      pos = 0;
    }
    while (limit < n && !eof) {
      if (limit == buf.capacity()) {
        int cap = (int) Math.min((long) n, Math.max(2L * buf.capacity(), 1L));
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(cap, limit + 1)).order(ByteOrder.LITTLE_ENDIAN);
        bigger.put(0, buf, 0, limit);
        buf = bigger;
      }
      int r;
      try {
        r = in.read(buf.array(), limit, buf.capacity() - limit);
      } catch (EOFException e) {
        throw new ScapFormatException(name, base + limit, -1,
            "compressed stream ends early (gzip data cut short): " + e.getMessage(), e);
      } catch (ZipException e) {
        throw new ScapFormatException(name, base + limit, -1,
            "corrupt gzip data: " + e.getMessage(), e);
      }
      if (r < 0) {
        eof = true;
      } else {
        limit += r;
      }
    }
    return limit - pos >= n;
  }

  /** True when no byte is left. */
  boolean atEnd() throws IOException {
    return !ensure(1);
  }

  void close() throws IOException {
    in.close();
  }
}
