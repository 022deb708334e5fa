package dev.falco4j.core.field;

import dev.falco4j.dsl.compile.FieldValue;

/**
 * Turns a state string into the UTF-8 bytes a {@link FieldValue} carries, re-encoding only when a
 * different string object arrives. State strings change only when the state changes (an exec, a new
 * fd), so on the per-event path this is a reference comparison and a pointer store, without
 * allocation.
 */
final class Utf8Slot {

  private String last;
  private byte[] bytes = new byte[64];
  private int length;

  void set(String s, FieldValue out) {
    if (s != last) {
      encode(s);
      last = s;
    }
    out.setBytes(bytes, 0, length);
  }

  private void encode(String s) {
    int n = s.length();
    if (bytes.length < n * 3) {
      bytes = new byte[Math.max(n * 3, bytes.length * 2)];
    }
    int p = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes[p++] = (byte) c;
      } else if (c < 0x800) {
        bytes[p++] = (byte) (0xC0 | (c >> 6));
        bytes[p++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c) && i + 1 < n
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        bytes[p++] = (byte) (0xF0 | (cp >> 18));
        bytes[p++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        bytes[p++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        bytes[p++] = (byte) (0x80 | (cp & 0x3F));
      } else {
        bytes[p++] = (byte) (0xE0 | (c >> 12));
        bytes[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        bytes[p++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    length = p;
  }
}
