package dev.falco4j.core.scap;

import dev.falco4j.core.event.DynamicParamTable;
import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.ParamInfo;
import dev.falco4j.core.event.ParamType;
import java.nio.ByteBuffer;

/**
 * One event written in an older reader's layout: its type id in that reader's table and, for each
 * of that row's parameters, where the value comes from in the source event (decoded with the
 * current table) and how it is re-encoded. Built once per event type by {@link Sysdig029Layouts};
 * {@link #encodedSize} and {@link #write} run per event and allocate nothing.
 *
 * <p>Value rules (scap-format.md §10, §12.3): a parameter is copied byte for byte when both sides
 * have the same encoding width (fixed types of equal size, or two variable-length types); integers
 * of different widths are sign- or zero-extended (by the source type) or truncated, as libscap's
 * converter truncates; an integer going into a {@code PT_DYN} parameter takes the alternative of
 * the same type ({@code PT_ERRNO} for negative values when the table has one); a parameter with
 * no source, an empty source for a fixed-width target, or an incompatible source gets the
 * converter's {@code DEFAULT}: zero bytes of the target's width ({@code 0xFFFFFFFF} for
 * {@code PT_UID}/{@code PT_GID}), or an empty value for variable-length types.
 */
final class TargetLayout {

  /** {@link #source} value: no source parameter, write the default. */
  static final int DEFAULT = -1;
  /** {@link #source} value: a constant of the plan ({@link #constant}). */
  static final int CONSTANT = -2;

  private static final int OP_DEFAULT = 0;
  private static final int OP_COPY = 1;
  private static final int OP_INTEGER = 2;
  private static final int OP_INTEGER_TO_DYN = 3;
  private static final int OP_CONSTANT = 4;

  private final EventInfo target;
  private final int lengthWidth;
  private final int[] source;
  private final int[] op;
  private final boolean[] sourceSigned;
  private final long[] constant;
  /** For OP_INTEGER_TO_DYN: the selector for non-negative values and for negative ones. */
  private final int[] dynSelector;
  private final int[] dynNegativeSelector;

  /**
   * @param target the row of the older table to write
   * @param sourceRow the source event's row in the current table (null for constant-only layouts)
   * @param sources per target parameter: a source parameter index, {@link #DEFAULT} or
   *     {@link #CONSTANT}
   * @param constants values for {@link #CONSTANT} entries (others ignored)
   */
  TargetLayout(EventInfo target, EventInfo sourceRow, int[] sources, long[] constants) {
    int n = target.paramCount();
    if (sources.length != n || constants.length != n) {
      throw new IllegalArgumentException(target.symbol() + ": " + sources.length
          + " sources for " + n + " params");
    }
    this.target = target;
    this.lengthWidth = target.isLargePayload() ? 4 : 2;
    this.source = sources.clone();
    this.constant = constants.clone();
    this.op = new int[n];
    this.sourceSigned = new boolean[n];
    this.dynSelector = new int[n];
    this.dynNegativeSelector = new int[n];
    for (int i = 0; i < n; i++) {
      ParamType to = target.param(i).type();
      int s = source[i];
      if (s == CONSTANT) {
        if (!to.isInteger()) {
          throw new IllegalArgumentException(target.symbol() + " param " + i
              + ": a constant needs an integer type, not " + to);
        }
        op[i] = OP_CONSTANT;
        continue;
      }
      if (s < 0 || sourceRow == null || s >= sourceRow.paramCount()) {
        source[i] = DEFAULT;
        op[i] = OP_DEFAULT;
        continue;
      }
      ParamType from = sourceRow.param(s).type();
      sourceSigned[i] = from.isSigned();
      op[i] = operation(from, target.param(i), i);
      if (op[i] == OP_DEFAULT) {
        source[i] = DEFAULT;
      }
    }
  }

  private int operation(ParamType from, ParamInfo to, int i) {
    ParamType t = to.type();
    if (t == ParamType.DYN) {
      if (from == ParamType.DYN) {
        return OP_COPY;
      }
      DynamicParamTable alternatives = to.dynamicTable();
      if (!from.isInteger() || alternatives == null) {
        return OP_DEFAULT;
      }
      int same = -1;
      int errno = -1;
      int anyInteger = -1;
      for (int a = 0; a < alternatives.size(); a++) {
        ParamType at = alternatives.alternative(a).type();
        if (at == from && same < 0) {
          same = a;
        }
        if (at == ParamType.ERRNO && errno < 0) {
          errno = a;
        }
        if (at.isInteger() && anyInteger < 0) {
          anyInteger = a;
        }
      }
      int chosen = same >= 0 ? same : anyInteger;
      if (chosen < 0) {
        return OP_DEFAULT;
      }
      dynSelector[i] = chosen;
      dynNegativeSelector[i] = errno >= 0 ? errno : chosen;
      return OP_INTEGER_TO_DYN;
    }
    int fs = from.fixedSize();
    int ts = t.fixedSize();
    if (fs < 0 && ts < 0) {
      return OP_COPY; // two variable-length encodings (text, buffers, addresses): as stored
    }
    if (fs == ts) {
      return OP_COPY;
    }
    if (from.isInteger() && t.isInteger()) {
      return OP_INTEGER;
    }
    return OP_DEFAULT;
  }

  /** The older table's row this layout writes. */
  EventInfo target() {
    return target;
  }

  /** Type id written. */
  int type() {
    return target.id();
  }

  /** True when the target row has 32-bit parameter lengths. */
  boolean isLarge() {
    return lengthWidth == 4;
  }

  /** Per target parameter, the source parameter index, {@link #DEFAULT} or {@link #CONSTANT}. */
  int source(int param) {
    return source[param];
  }

  /** The constant written for a {@link #CONSTANT} parameter. */
  long constant(int param) {
    return constant[param];
  }

  /** Size in bytes of {@code ev} written in this layout (v2 header included). */
  int encodedSize(EventView ev) {
    int n = source.length;
    int size = EventView.HEADER_SIZE + lengthWidth * n;
    for (int i = 0; i < n; i++) {
      size += paramSize(ev, i);
    }
    return size;
  }

  /**
   * Writes {@code ev} in this layout (v2 header with {@code ev}'s timestamp and thread) at the
   * position of the little-endian {@code dst}, which must have {@link #encodedSize} bytes left.
   */
  void write(EventView ev, ByteBuffer dst) {
    int n = source.length;
    int start = dst.position();
    int lengths = start + EventView.HEADER_SIZE;
    int pos = lengths + lengthWidth * n;
    for (int i = 0; i < n; i++) {
      int len = writeParam(ev, i, dst, pos);
      if (lengthWidth == 2) {
        dst.putShort(lengths + 2 * i, (short) len);
      } else {
        dst.putInt(lengths + 4 * i, len);
      }
      pos += len;
    }
    dst.putLong(start, ev.timestamp());
    dst.putLong(start + 8, ev.threadId());
    dst.putInt(start + 16, pos - start);
    dst.putShort(start + 20, (short) target.id());
    dst.putInt(start + 22, n);
    dst.position(pos);
  }

  private int paramSize(EventView ev, int i) {
    int fixed = target.param(i).type().fixedSize();
    switch (op[i]) {
      case OP_CONSTANT:
      case OP_INTEGER:
        return fixed;
      case OP_INTEGER_TO_DYN: {
        int len = sourceLength(ev, i);
        return len <= 0 ? 0 : 1 + alternativeSize(i, readInteger(ev, i, len));
      }
      case OP_COPY: {
        int len = sourceLength(ev, i);
        if (fixed > 0) {
          return fixed; // a missing or odd-sized source gets the default of the same width
        }
        return Math.max(0, Math.min(len, maxVariableLength()));
      }
      default:
        return fixed > 0 ? fixed : 0;
    }
  }

  private int writeParam(EventView ev, int i, ByteBuffer dst, int pos) {
    ParamType t = target.param(i).type();
    int fixed = t.fixedSize();
    switch (op[i]) {
      case OP_CONSTANT:
        putInteger(dst, pos, constant[i], fixed);
        return fixed;
      case OP_INTEGER: {
        int len = sourceLength(ev, i);
        if (len != 1 && len != 2 && len != 4 && len != 8) {
          return writeDefault(t, dst, pos);
        }
        putInteger(dst, pos, readInteger(ev, i, len), fixed);
        return fixed;
      }
      case OP_INTEGER_TO_DYN: {
        int len = sourceLength(ev, i);
        if (len != 1 && len != 2 && len != 4 && len != 8) {
          return 0;
        }
        long v = readInteger(ev, i, len);
        int selector = v < 0 ? dynNegativeSelector[i] : dynSelector[i];
        int size = target.param(i).dynamicTable().alternative(selector).type().fixedSize();
        dst.put(pos, (byte) selector);
        putInteger(dst, pos + 1, v, size);
        return 1 + size;
      }
      case OP_COPY: {
        int len = sourceLength(ev, i);
        if (fixed > 0 && len != fixed) {
          return writeDefault(t, dst, pos);
        }
        int n = Math.max(0, Math.min(len, fixed > 0 ? fixed : maxVariableLength()));
        if (n > 0) {
          dst.put(pos, ev.buffer(), ev.paramOffset(source[i]), n);
        }
        return n;
      }
      default:
        return writeDefault(t, dst, pos);
    }
  }

  private int alternativeSize(int i, long value) {
    int selector = value < 0 ? dynNegativeSelector[i] : dynSelector[i];
    return target.param(i).dynamicTable().alternative(selector).type().fixedSize();
  }

  /** The source parameter's stored length, -1 when the event does not carry it. */
  private int sourceLength(EventView ev, int i) {
    int s = source[i];
    return s >= 0 && s < ev.paramCount() ? ev.paramLength(s) : -1;
  }

  private long readInteger(EventView ev, int i, int len) {
    ByteBuffer b = ev.buffer();
    int at = ev.paramOffset(source[i]);
    boolean signed = sourceSigned[i];
    switch (len) {
      case 1:
        return signed ? b.get(at) : b.get(at) & 0xFFL;
      case 2:
        return signed ? b.getShort(at) : b.getShort(at) & 0xFFFFL;
      case 4:
        return signed ? b.getInt(at) : b.getInt(at) & 0xFFFFFFFFL;
      case 8:
        return b.getLong(at);
      default:
        return 0;
    }
  }

  private int maxVariableLength() {
    return lengthWidth == 2 ? 0xFFFF : Integer.MAX_VALUE;
  }

  private static int writeDefault(ParamType t, ByteBuffer dst, int pos) {
    int fixed = t.fixedSize();
    if (fixed <= 0) {
      return 0;
    }
    byte fill = t == ParamType.UID || t == ParamType.GID ? (byte) 0xFF : 0;
    for (int k = 0; k < fixed; k++) {
      dst.put(pos + k, fill);
    }
    return fixed;
  }

  private static void putInteger(ByteBuffer dst, int pos, long v, int size) {
    for (int k = 0; k < size; k++) {
      dst.put(pos + k, (byte) (v >>> (8 * k)));
    }
  }
}
