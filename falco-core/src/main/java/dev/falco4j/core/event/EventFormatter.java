package dev.falco4j.core.event;

import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders events as text the way sysdig 0.29's {@code evt.args} and {@code evt.type} do, without
 * the annotations that need the state engine (the {@code (<f>/path)} after an fd, {@code (comm)}
 * after a pid, fd-type letters in fd lists). Rendering follows the table of the {@link EventView}
 * given: a view built on {@link EventTable#sysdig029()} reproduces that sysdig's output exactly
 * (e.g. {@code mmap} results in hex), one on {@link EventTable#current()} today's types.
 *
 * <p>For output and debugging, not for rule evaluation: it appends to a caller's {@link
 * StringBuilder} but does allocate for a few types. Not thread-safe (reuses a scratch buffer).
 */
public final class EventFormatter {

  /** sysdig's default {@code -s} snaplen: longer byte buffers print cut with {@code ...}. */
  public static final int DEFAULT_BUFFER_LIMIT = 80;

  private final Map<Integer, String> users;
  private final Map<Integer, String> groups;
  private final int bufferLimit;
  private byte[] scratch = new byte[256];

  /** A formatter without user and group names (uids print as {@code 1000(<NA>)}). */
  public EventFormatter() {
    this(Map.of(), Map.of(), DEFAULT_BUFFER_LIMIT);
  }

  /**
   * A formatter resolving {@code PT_UID}/{@code PT_GID} values with these names (from the trace's
   * user list).
   *
   * @param bufferLimit byte buffers longer than this print as their first {@code bufferLimit - 3}
   *     bytes and {@code ...} (sysdig's {@code -s}); 0 for no limit
   */
  public EventFormatter(
      Map<Integer, String> userNames, Map<Integer, String> groupNames, int bufferLimit) {
    this.users = new HashMap<>(userNames);
    this.groups = new HashMap<>(groupNames);
    this.bufferLimit = bufferLimit;
  }

  /** True for the generic {@code syscall} events, whose arguments sysdig does not print. */
  public static boolean isGeneric(EventView ev) {
    return ev.type() == EventType.GENERIC_E || ev.type() == EventType.GENERIC_X;
  }

  /**
   * The type name sysdig prints as {@code evt.type}: the table name, or for the generic {@code
   * syscall} events the syscall named by their {@code ID} parameter.
   */
  public String typeName(EventView ev) {
    EventInfo info = ev.info();
    if (info == null) {
      return "UNKNOWN";
    }
    if ((ev.type() == EventType.GENERIC_E || ev.type() == EventType.GENERIC_X)
        && ev.paramCount() > 0 && !ev.isEmpty(0)) {
      String n = ev.table().syscallName((int) ev.paramAsLong(0));
      return n == null ? "<unknown>" : n;
    }
    return info.name();
  }

  /**
   * Appends {@code name=value} (or {@code name=value(resolved)}) for every parameter, each
   * followed by a space, as sysdig's default output line ends. Generic {@code syscall} events
   * print no arguments (as sysdig).
   */
  public void appendArgs(EventView ev, StringBuilder out) {
    if (isGeneric(ev)) {
      return;
    }
    for (int i = 0; i < ev.paramCount(); i++) {
      ParamInfo p = ev.paramInfo(i);
      out.append(p == null ? "param" + i : p.name()).append('=');
      appendValue(ev, i, out);
      out.append(' ');
    }
  }

  /** The rendering of parameter {@code index}, with its resolved part in parentheses if any. */
  public void appendValue(EventView ev, int index, StringBuilder out) {
    ParamInfo p = ev.paramInfo(index);
    ParamType type = p == null ? ParamType.BYTEBUF : p.type();
    PrintFormat fmt = p == null ? PrintFormat.NA : p.format();
    ByteBuffer b = ev.buffer();
    int pos = ev.paramOffset(index);
    int len = ev.paramLength(index);
    if (len == 0) {
      appendEmpty(type, out);
      return;
    }
    if (type == ParamType.DYN) {
      ParamInfo alt = p.dynamicTable() == null ? null : p.dynamicTable().alternative(b.get(pos) & 0xFF);
      if (alt == null) {
        out.append("INVALID DYNAMIC PARAMETER");
        return;
      }
      if (len - 1 == 0) {
        appendEmpty(alt.type(), out);
        return;
      }
      appendTyped(ev, alt.type(), fmt, null, b, pos + 1, len - 1, out);
      return;
    }
    appendTyped(ev, type, fmt, p == null ? null : p.flagSet(), b, pos, len, out);
  }

  private static void appendEmpty(ParamType type, StringBuilder out) {
    switch (type) {
      case SOCKADDR:
      case SOCKTUPLE:
        out.append("NULL");
        break;
      case CHARBUF:
      case FSPATH:
      case FSRELPATH:
      case BYTEBUF:
        break;
      default:
        out.append("<NA>");
    }
  }

  private static long readLong(ByteBuffer b, int pos, int len, int size, boolean signed) {
    int n = Math.min(len, size);
    switch (n) {
      case 8: return b.getLong(pos);
      case 4: return signed ? b.getInt(pos) : b.getInt(pos) & 0xFFFFFFFFL;
      case 2: return signed ? b.getShort(pos) : b.getShort(pos) & 0xFFFFL;
      case 1: return signed ? b.get(pos) : b.get(pos) & 0xFFL;
      default:
        long v = 0;
        for (int i = n - 1; i >= 0; i--) {
          v = (v << 8) | (b.get(pos + i) & 0xFF);
        }
        return v;
    }
  }

  private static void appendNumber(long v, PrintFormat fmt, int bits, StringBuilder out) {
    long mask = bits == 64 ? -1L : (1L << bits) - 1;
    switch (fmt) {
      case OCT:
        out.append(v == 0 ? "0" : "0" + Long.toOctalString(v & mask));
        break;
      case HEX:
        out.append(Long.toHexString(v & mask).toUpperCase(java.util.Locale.ROOT));
        break;
      case PADDED_DEC:
        String s = Long.toString(v);
        for (int i = s.length(); i < 9; i++) {
          out.append('0');
        }
        out.append(s);
        break;
      default:
        out.append(v);
    }
  }

  private void appendTyped(EventView ev, ParamType type, PrintFormat fmt, FlagSet flags,
      ByteBuffer b, int pos, int len, StringBuilder out) {
    EventTable table = ev.table();
    switch (type) {
      case INT8: case INT16: case INT32: case INT64: case UINT8: case UINT16: case UINT32:
      case FD32: case PID32: case PORT: {
        int size = type.fixedSize();
        appendNumber(readLong(b, pos, len, size, type.isSigned()), fmt, size * 8, out);
        return;
      }
      case UINT64:
        // libsinsp prints it through a signed 64-bit value
        appendNumber(readLong(b, pos, len, 8, true), fmt, 64, out);
        return;
      case FD:
      case PID:
        out.append(readLong(b, pos, len, 8, true));
        return;
      case ERRNO: {
        long v = readLong(b, pos, len, 8, true);
        out.append(v);
        if (v < 0) {
          String n = table.errnoName(-v);
          if (n != null) {
            out.append('(').append(n).append(')');
          }
        }
        return;
      }
      case RELTIME: {
        long v = readLong(b, pos, len, 8, false);
        if (v == -1L) {
          out.append("none");
          return;
        }
        out.append(v).append('(').append(formatG(v / 1e9)).append("s)");
        return;
      }
      case ABSTIME:
        out.append(readLong(b, pos, len, 8, false));
        return;
      case CHARBUF:
        appendUtf8UpToNul(b, pos, len, false, out);
        return;
      case FSPATH:
      case FSRELPATH:
        appendUtf8UpToNul(b, pos, len, true, out);
        return;
      case BYTEBUF: {
        boolean cut = bufferLimit > 3 && len > bufferLimit;
        int n = cut ? bufferLimit - 3 : len;
        for (int i = 0; i < n; i++) {
          int c = b.get(pos + i) & 0xFF;
          out.append(c >= 0x20 && c < 0x7F ? (char) c : '.');
        }
        if (cut) {
          out.append("...");
        }
        return;
      }
      case SOCKADDR:
        AddressFormat.appendSockaddr(b, pos, len, out);
        return;
      case SOCKTUPLE:
        AddressFormat.appendTuple(b, pos, len, out);
        return;
      case FDLIST: {
        int count = len >= 2 ? b.getShort(pos) & 0xFFFF : 0;
        for (int i = 0; i < count && 2 + 10 * (i + 1) <= len; i++) {
          if (i > 0) {
            out.append(' ');
          }
          out.append(b.getLong(pos + 2 + 10 * i)).append(":?")
              .append(Integer.toHexString(b.getShort(pos + 10 + 10 * i) & 0xFFFF));
        }
        return;
      }
      case SYSCALLID: {
        long v = readLong(b, pos, len, 2, false);
        out.append(v);
        String n = table.syscallName((int) v);
        if (n != null) {
          out.append('(').append(n).append(')');
        }
        return;
      }
      case SIGTYPE: {
        long v = readLong(b, pos, len, 1, false);
        out.append(v);
        String n = table.signalName(v);
        if (n != null) {
          out.append('(').append(n).append(')');
        }
        return;
      }
      case FLAGS8: case FLAGS16: case FLAGS32: case ENUMFLAGS8: case ENUMFLAGS16:
      case ENUMFLAGS32: {
        long v = readLong(b, pos, len, type.fixedSize(), false);
        out.append(v);
        appendResolvedFlags(flags, v, out);
        return;
      }
      case MODE: {
        long v = readLong(b, pos, len, 4, false);
        appendNumber(v, fmt, 32, out);
        appendResolvedFlags(flags, v, out);
        return;
      }
      case UID:
      case GID: {
        long v = readLong(b, pos, len, 4, false);
        if (v == 0xFFFFFFFFL) {
          out.append("-1(<NONE>)");
          return;
        }
        String n = (type == ParamType.UID ? users : groups).get((int) v);
        out.append((int) v).append('(').append(n == null ? "<NA>" : n).append(')');
        return;
      }
      case SIGSET: {
        long v = readLong(b, pos, len, 4, false);
        boolean first = true;
        for (int s = 0; s < 32; s++) {
          if ((v & (1L << s)) != 0) {
            String n = table.signalName(s + 1);
            if (n != null) {
              out.append(first ? "" : " ").append(n);
              first = false;
            }
          }
        }
        return;
      }
      case IPV4ADDR:
        if (len >= 4) {
          AddressFormat.appendIpv4(b, pos, out);
        }
        return;
      case IPV6ADDR:
        if (len >= 16) {
          AddressFormat.appendIpv6(b, pos, out);
        }
        return;
      case BOOL:
        out.append(readLong(b, pos, len, 4, false));
        return;
      case DOUBLE:
        out.append(formatG(len >= 8 ? Double.longBitsToDouble(b.getLong(pos)) : 0));
        return;
      case CHARBUFARRAY:
      case CHARBUF_PAIR_ARRAY:
        out.append("ptr:");
        appendHex(b, pos, len, out);
        return;
      default:
        appendHex(b, pos, len, out);
    }
  }

  private static void appendResolvedFlags(FlagSet flags, long v, StringBuilder out) {
    if (flags == null) {
      return;
    }
    int mark = out.length();
    out.append('(');
    if (flags.appendBitwise(v, out)) {
      out.append(')');
    } else {
      out.setLength(mark);
    }
  }

  private static void appendHex(ByteBuffer b, int pos, int len, StringBuilder out) {
    for (int i = 0; i < len; i++) {
      int c = b.get(pos + i) & 0xFF;
      out.append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 15, 16));
    }
  }

  private void appendUtf8UpToNul(ByteBuffer b, int pos, int len, boolean dropControls,
      StringBuilder out) {
    int n = 0;
    while (n < len && b.get(pos + n) != 0) {
      n++;
    }
    if (scratch.length < n) {
      scratch = new byte[Math.max(n, scratch.length * 2)];
    }
    b.get(pos, scratch, 0, n);
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      if (scratch[i] < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      for (int i = 0; i < n; i++) {
        char c = (char) scratch[i];
        if (!dropControls || (c >= 0x20 && c != 0x7F)) {
          out.append(c);
        }
      }
      return;
    }
    String s = new String(scratch, 0, n, StandardCharsets.UTF_8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!dropControls || (c >= 0x20 && c != 0x7F)) {
        out.append(c);
      }
    }
  }

  /** C's {@code %g}: 6 significant digits, trailing zeros removed, exponent form outside 1e-4..1e6. */
  static String formatG(double v) {
    if (v == 0) {
      return "0";
    }
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.isNaN(v) ? "nan" : (v > 0 ? "inf" : "-inf");
    }
    BigDecimal d = new BigDecimal(v).round(new MathContext(6));
    int exp = d.precision() - d.scale() - 1;
    if (exp < -4 || exp >= 6) {
      BigDecimal mant = d.movePointLeft(exp);
      String m = stripZeros(mant.toPlainString());
      String e = Integer.toString(Math.abs(exp));
      return m + "e" + (exp < 0 ? "-" : "+") + (e.length() < 2 ? "0" + e : e);
    }
    return stripZeros(d.toPlainString());
  }

  private static String stripZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }
}
