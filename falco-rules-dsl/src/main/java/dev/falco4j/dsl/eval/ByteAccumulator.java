package dev.falco4j.dsl.eval;

import java.util.Arrays;

/** A growable byte buffer reused across events by the transformers that build new strings. */
final class ByteAccumulator {

    private byte[] buffer = new byte[128];
    private int length;

    void clear() {
        length = 0;
    }

    void append(byte[] a, int off, int len) {
        if (length + len > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + len));
        }
        System.arraycopy(a, off, buffer, length, len);
        length += len;
    }

    byte[] buffer() {
        return buffer;
    }

    int length() {
        return length;
    }
}
