package dev.falco4j.dsl.compile;

import java.nio.ByteBuffer;

/**
 * A reusable holder that a {@link FieldExtractor} fills with one value, so extraction allocates
 * nothing per event. Numbers, booleans, times and event-type ids go into {@link #longValue()};
 * strings, byte buffers and IP addresses are a byte range {@code bytes()[offset() .. offset()+length())}.
 *
 * <p>Two ways to provide bytes: point at bytes the extractor already holds in a {@code byte[]}
 * ({@link #setBytes}) without copying, or copy into the holder's own growable buffer
 * ({@link #copyFrom(ByteBuffer, int, int)}, or {@link #scratch(int)} plus {@link #setScratchLength}).
 * Either way the range is only valid until the next extraction into this holder or the next event,
 * whichever comes first; the compiler never keeps it longer.
 *
 * <p>Mutable and not thread-safe: each compiled predicate owns its holders.
 */
public final class FieldValue {

    private long longValue;
    private byte[] bytes;
    private int offset;
    private int length;
    private byte[] scratch = new byte[64];

    /** Sets a numeric value (numbers, booleans as 0/1, times in ns, event-type ids). */
    public void setLong(long value) {
        this.longValue = value;
    }

    /** Sets a boolean value (stored as 0 or 1 in {@link #longValue()}). */
    public void setBoolean(boolean value) {
        this.longValue = value ? 1L : 0L;
    }

    /** Points at {@code length} bytes of {@code array} starting at {@code offset} (no copy). */
    public void setBytes(byte[] array, int offset, int length) {
        this.bytes = array;
        this.offset = offset;
        this.length = length;
    }

    /** Copies {@code length} bytes at absolute position {@code position} of {@code source} (any kind of buffer). */
    public void copyFrom(ByteBuffer source, int position, int length) {
        byte[] dst = scratch(length);
        source.get(position, dst, 0, length);
        setBytes(dst, 0, length);
    }

    /**
     * The holder's own buffer with room for at least {@code capacity} bytes (grown, never shrunk, so
     * steady state allocates nothing). Write into it, then call {@link #setScratchLength}.
     */
    public byte[] scratch(int capacity) {
        if (scratch.length < capacity) {
            scratch = new byte[Math.max(capacity, scratch.length * 2)];
        }
        return scratch;
    }

    /** Makes the value the first {@code length} bytes of {@link #scratch(int)}. */
    public void setScratchLength(int length) {
        setBytes(scratch, 0, length);
    }

    /** The numeric value. */
    public long longValue() {
        return longValue;
    }

    /** The array holding the byte value (not a copy). */
    public byte[] bytes() {
        return bytes;
    }

    /** Start of the byte value in {@link #bytes()}. */
    public int offset() {
        return offset;
    }

    /** Length of the byte value. */
    public int length() {
        return length;
    }

    /** The byte value decoded as UTF-8 (allocates: for tests and diagnostics, not the event path). */
    public String bytesAsString() {
        return bytes == null ? null : new String(bytes, offset, length, java.nio.charset.StandardCharsets.UTF_8);
    }
}
