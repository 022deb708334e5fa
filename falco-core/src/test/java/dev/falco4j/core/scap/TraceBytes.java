package dev.falco4j.core.scap;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Decompressed trace bytes and their block offsets, for the bad-input tests. */
final class TraceBytes {

  private TraceBytes() {}

  static byte[] decompressed(Path p) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
      return in.readAllBytes();
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream o = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(o)) {
      g.write(data);
    }
    return o.toByteArray();
  }

  /** Offsets of every block, following the length fields. */
  static List<Integer> blockOffsets(byte[] data) {
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    List<Integer> out = new ArrayList<>();
    int off = 0;
    while (off + 8 <= data.length) {
      out.add(off);
      off += b.getInt(off + 4);
    }
    return out;
  }

  static int blockType(byte[] data, int off) {
    return ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).getInt(off);
  }

  /** Offset of the first block of {@code type}. */
  static int firstBlock(byte[] data, int type) {
    for (int off : blockOffsets(data)) {
      if (blockType(data, off) == type) {
        return off;
      }
    }
    throw new IllegalArgumentException("no block 0x" + Integer.toHexString(type));
  }

  static void putInt(byte[] data, int off, int v) {
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt(off, v);
  }

  static void putShort(byte[] data, int off, int v) {
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putShort(off, (short) v);
  }
}
