package dev.falco4j.core.field;

import dev.falco4j.core.state.SocketNames;
import dev.falco4j.dsl.compile.FieldExtractor;
import dev.falco4j.dsl.compile.FieldValue;

/**
 * A bound field: the extractor compiled conditions call, plus the display rendering used by output
 * formats and {@code falco inspect -p} (sysdig-like text: numbers in decimal, addresses dotted,
 * booleans as {@code true}/{@code false}, list values separated by commas).
 *
 * <p>One instance per field reference in a condition or format; holds small reusable buffers, so it
 * is not shared between threads.
 */
public abstract class FieldAccessor implements FieldExtractor<EvalContext> {

  private final FieldDef def;
  private final boolean multiValued;
  private final FieldValue scratch = new FieldValue();

  /** A bound field of the given definition; multi-valued when the argument-less list form. */
  protected FieldAccessor(FieldDef def, boolean multiValued) {
    this.def = def;
    this.multiValued = multiValued;
  }

  /** The field's definition. */
  public final FieldDef def() {
    return def;
  }

  /** True for the list form (values iterated with {@link #count} and {@link #extractAt}). */
  public final boolean isMultiValued() {
    return multiValued;
  }

  /**
   * True when the list form stands for candidates rather than a list: a check on it holds when any
   * one value satisfies it, {@code in} included (Falco's argument-less ancestor fields). Real lists
   * such as {@code fd.types} keep {@code in} as "every value in the set".
   */
  public boolean matchesAnyValue() {
    return false;
  }

  /**
   * Appends the field's display text for the current event. Returns false when the field has no
   * value ({@code <NA>}), appending nothing.
   */
  public boolean display(EvalContext ctx, StringBuilder out) {
    if (multiValued) {
      int n = count(ctx);
      if (n == 0) {
        return false;
      }
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          out.append(',');
        }
        if (extractAt(ctx, i, scratch)) {
          appendValue(scratch, out);
        }
      }
      return true;
    }
    if (!extract(ctx, scratch)) {
      return false;
    }
    appendValue(scratch, out);
    return true;
  }

  /** Renders one extracted value by the field's type. */
  protected void appendValue(FieldValue v, StringBuilder out) {
    switch (def.type()) {
      case STRING: case FSPATH: case BYTES:
        appendUtf8(v.bytes(), v.offset(), v.length(), out);
        break;
      case BOOL:
        out.append(v.longValue() != 0 ? "true" : "false");
        break;
      case UINT64: case ABSTIME: case RELTIME:
        out.append(Long.toUnsignedString(v.longValue()));
        break;
      case IPV4ADDR: case IPV6ADDR: case IPADDR: case IPV4NET: case IPV6NET: case IPNET:
        appendIp(v, out);
        break;
      default:
        out.append(v.longValue());
        break;
    }
  }

  static void appendIp(FieldValue v, StringBuilder out) {
    byte[] b = v.bytes();
    int o = v.offset();
    if (v.length() == 4) {
      int ip = ((b[o] & 0xFF) << 24) | ((b[o + 1] & 0xFF) << 16) | ((b[o + 2] & 0xFF) << 8)
          | (b[o + 3] & 0xFF);
      SocketNames.appendIpv4(ip, out);
    } else if (v.length() == 16) {
      byte[] a = new byte[16];
      System.arraycopy(b, o, a, 0, 16);
      SocketNames.appendIpv6(a, out);
    }
  }

  static void appendUtf8(byte[] b, int off, int len, StringBuilder out) {
    boolean ascii = true;
    for (int i = 0; i < len; i++) {
      if (b[off + i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      for (int i = 0; i < len; i++) {
        out.append((char) b[off + i]);
      }
    } else {
      out.append(new String(b, off, len, java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
