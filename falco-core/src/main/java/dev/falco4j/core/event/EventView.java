package dev.falco4j.core.event;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A flyweight over one event in the scap layout (scap-format.md §9.2): a 26-byte header
 * (timestamp, thread id, length, type, parameter count), the parameter length array (16-bit
 * entries, 32-bit for {@link EventFlags#LARGE_PAYLOAD} types), then the parameter values back to
 * back. The same layout comes from trace files and from the live probe.
 *
 * <p>One view is reused for every event of a loop: {@link #reset} points it at the next event
 * without allocating; parameters are decoded only when asked for. The view, and every sub-view it
 * hands out ({@link #sockaddr}, {@link #socktuple}, {@link #fdList}, {@link #stringArray}), is
 * valid until the next {@code reset}. Code that keeps an event copies it with {@link #detach()}.
 *
 * <p>Buffers must be {@link ByteOrder#LITTLE_ENDIAN}. Not thread-safe.
 */
public final class EventView {

  /** Size of the current (v2) event header. */
  public static final int HEADER_SIZE = 26;
  /** Size of the legacy (v1) event header, without the parameter count. */
  public static final int LEGACY_HEADER_SIZE = 22;

  /** {@link #checkLayout} result: the event is well formed. */
  public static final int LAYOUT_OK = 0;
  /** {@link #checkLayout} result: {@code len} is smaller than the header. */
  public static final int LAYOUT_LEN_TOO_SMALL = 1;
  /** {@link #checkLayout} result: {@code len} runs past the bytes available. */
  public static final int LAYOUT_LEN_PAST_END = 2;
  /** {@link #checkLayout} result: the length array does not fit in {@code len}. */
  public static final int LAYOUT_LENGTHS_OVERFLOW = 3;
  /** {@link #checkLayout} result: the parameter lengths add up to more than {@code len}. */
  public static final int LAYOUT_PARAMS_OVERFLOW = 4;
  /** {@link #checkLayout} result: the type id is not in the event table. */
  public static final int LAYOUT_UNKNOWN_TYPE = 5;

  private final EventTable table;
  private final SockaddrView sockaddrView = new SockaddrView(this);
  private final SocketTupleView tupleView = new SocketTupleView(this);
  private final FdListView fdListView = new FdListView(this);
  private final StringArrayView stringArrayView = new StringArrayView(this);

  private ByteBuffer buf;
  private int off;
  private int headerSize;
  private int nparams;
  private int cpu;
  private int dumpFlags;
  private long number;
  private int type;
  private EventInfo info;
  private int lengthWidth;
  private int[] offsets = new int[16];
  private int[] lengths = new int[16];
  private boolean layoutKnown;
  /** The reader proved the layout sound; the parameters are indexed on first access. */
  private boolean layoutDeferred;

  /** A view decoding with the current event table. */
  public EventView() {
    this(EventTable.current());
  }

  /** A view decoding with {@code table}. */
  public EventView(EventTable table) {
    this.table = table;
  }

  /** The table parameters are interpreted with. */
  public EventTable table() {
    return table;
  }

  /** Points the view at a v2 event at {@code offset} of {@code buffer}, cpu and number unset. */
  public EventView reset(ByteBuffer buffer, int offset) {
    return reset(buffer, offset, -1, 0, 0);
  }

  /**
   * Points the view at a v2 event (26-byte header) at {@code offset} of {@code buffer}.
   *
   * @param cpu CPU whose buffer produced the event ({@code evt.cpu}), -1 if unknown
   * @param dumpFlags the capture's dump flags ({@code SCAP_DF_*}, 0 for none)
   * @param number event number ({@code evt.num}), 1-based
   */
  public EventView reset(ByteBuffer buffer, int offset, int cpu, int dumpFlags, long number) {
    if (buffer.order() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("event buffers must be little-endian");
    }
    this.buf = buffer;
    this.off = offset;
    this.headerSize = HEADER_SIZE;
    this.nparams = buffer.getInt(offset + 22);
    setCommon(cpu, dumpFlags, number);
    return this;
  }

  /**
   * Points the view at a legacy event (22-byte v1 header, no parameter count) whose parameter
   * count was inferred by the reader (scap-format.md §9.4).
   */
  public EventView resetLegacy(
      ByteBuffer buffer, int offset, int inferredParams, int cpu, int dumpFlags, long number) {
    if (buffer.order() != ByteOrder.LITTLE_ENDIAN) {
      throw new IllegalArgumentException("event buffers must be little-endian");
    }
    this.buf = buffer;
    this.off = offset;
    this.headerSize = LEGACY_HEADER_SIZE;
    this.nparams = inferredParams;
    setCommon(cpu, dumpFlags, number);
    return this;
  }

  private void setCommon(int cpu, int dumpFlags, long number) {
    this.cpu = cpu;
    this.dumpFlags = dumpFlags;
    this.number = number;
    this.type = buf.getShort(off + 20) & 0xFFFF;
    this.info = table.event(type);
    this.lengthWidth = info != null && info.isLargePayload() ? 4 : 2;
    this.layoutKnown = false;
    this.layoutDeferred = false;
  }

  /** Sets the event number (for sources that number events after decoding the header). */
  public void setNumber(long number) {
    this.number = number;
  }

  /**
   * Validates the layout against the bytes available up to {@code limit} (absolute index in the
   * buffer) and indexes the parameters. Returns {@link #LAYOUT_OK} or a {@code LAYOUT_*} problem;
   * parameter accessors may only be used after it returned {@code LAYOUT_OK} (sources call it).
   */
  public int checkLayout(int limit) {
    layoutKnown = false;
    if (info == null) {
      return LAYOUT_UNKNOWN_TYPE;
    }
    long len = length();
    if (len < headerSize) {
      return LAYOUT_LEN_TOO_SMALL;
    }
    long end = off + len;
    if (end > limit) {
      return LAYOUT_LEN_PAST_END;
    }
    if (nparams < 0 || (long) headerSize + (long) nparams * lengthWidth > len) {
      return LAYOUT_LENGTHS_OVERFLOW;
    }
    int lenPos = off + headerSize;
    long pos = lenPos + (long) nparams * lengthWidth;
    for (int i = 0; i < nparams; i++) {
      pos += lengthWidth == 2 ? buf.getShort(lenPos + 2 * i) & 0xFFFF
          : buf.getInt(lenPos + 4 * i) & 0xFFFFFFFFL;
    }
    if (pos > end) {
      return LAYOUT_PARAMS_OVERFLOW;
    }
    indexParams();
    return LAYOUT_OK;
  }

  /** A short description of a {@code LAYOUT_*} code. */
  public static String layoutProblem(int code) {
    switch (code) {
      case LAYOUT_OK: return "ok";
      case LAYOUT_LEN_TOO_SMALL: return "event length smaller than its header";
      case LAYOUT_LEN_PAST_END: return "event length runs past the end of its block";
      case LAYOUT_LENGTHS_OVERFLOW: return "parameter length array does not fit in the event";
      case LAYOUT_PARAMS_OVERFLOW: return "parameter lengths add up to more than the event length";
      case LAYOUT_UNKNOWN_TYPE: return "event type not in the event table";
      default: return "layout problem " + code;
    }
  }

  // ------------------------------------------------------------------ header

  /** The buffer the event lives in. */
  public ByteBuffer buffer() {
    return buf;
  }

  /** Offset of the event header in {@link #buffer()}. */
  public int offset() {
    return off;
  }

  /** Header size: 26, or 22 for a legacy event. */
  public int headerSize() {
    return headerSize;
  }

  /** True for an event with the legacy 22-byte header. */
  public boolean isLegacy() {
    return headerSize == LEGACY_HEADER_SIZE;
  }

  /** Timestamp, nanoseconds since the Unix epoch ({@code evt.rawtime}). */
  public long timestamp() {
    return buf.getLong(off);
  }

  /** Id of the thread that generated the event ({@code thread.tid}). */
  public long threadId() {
    return buf.getLong(off + 8);
  }

  /** Whole event size as stored: header, length array and parameters. */
  public long length() {
    return buf.getInt(off + 16) & 0xFFFFFFFFL;
  }

  /** Event type id ({@link EventType}). */
  public int type() {
    return type;
  }

  /** Table row of the type, or null when the table does not know the id. */
  public EventInfo info() {
    return info;
  }

  /** Number of parameters present (may be fewer than the table declares for old events). */
  public int paramCount() {
    return nparams;
  }

  /** True for enter events. */
  public boolean isEnter() {
    return (type & 1) == 0;
  }

  /** {@code '>'} or {@code '<'} ({@code evt.dir}). */
  public char directionSymbol() {
    return (type & 1) == 0 ? '>' : '<';
  }

  /** CPU of the event ({@code evt.cpu}), -1 if unknown. */
  public int cpu() {
    return cpu;
  }

  /** Dump flags of the event block (bit 0: state only), 0 when none. */
  public int dumpFlags() {
    return dumpFlags;
  }

  /** Event number ({@code evt.num}), 1-based. */
  public long number() {
    return number;
  }

  /** Width of the length array entries: 2, or 4 for large-payload types. */
  public int lengthWidth() {
    return lengthWidth;
  }

  // ------------------------------------------------------------------ params, raw

  /**
   * For a legacy event whose parameter count the reader inferred from its lengths, which proves
   * them consistent with the event length and the bytes available: the parameters are indexed on
   * first access rather than now. Most events of a replay are never looked into (no rule and no
   * state change wants them), so this saves a second pass over their length arrays.
   */
  public void deferLayout() {
    layoutDeferred = info != null;
  }

  private void requireLayout() {
    if (!layoutKnown) {
      if (!layoutDeferred) {
        throw new IllegalStateException("checkLayout() was not called or failed for this event");
      }
      indexParams();
    }
  }

  /** Fills the parameter offsets and lengths from lengths already checked against the event. */
  private void indexParams() {
    if (offsets.length < nparams) {
      int n = Math.max(nparams, offsets.length * 2);
      offsets = new int[n];
      lengths = new int[n];
    }
    int lenPos = off + headerSize;
    int pos = lenPos + nparams * lengthWidth;
    for (int i = 0; i < nparams; i++) {
      int l = lengthWidth == 2 ? buf.getShort(lenPos + 2 * i) & 0xFFFF : buf.getInt(lenPos + 4 * i);
      offsets[i] = pos;
      lengths[i] = l;
      pos += l;
    }
    layoutKnown = true;
  }

  /** True when the event carries parameter {@code index}. */
  public boolean hasParam(int index) {
    return index >= 0 && index < nparams;
  }

  /** Absolute offset of parameter {@code index} in {@link #buffer()}. */
  public int paramOffset(int index) {
    requireLayout();
    return offsets[index];
  }

  /** Stored length of parameter {@code index}; 0 means present but empty. */
  public int paramLength(int index) {
    requireLayout();
    return lengths[index];
  }

  /** True when parameter {@code index} is missing or has length 0. */
  public boolean isEmpty(int index) {
    return index < 0 || index >= nparams || paramLength(index) == 0;
  }

  /**
   * Declared info of parameter {@code index}, or null when the table declares fewer parameters
   * than the event carries.
   */
  public ParamInfo paramInfo(int index) {
    return info != null && index >= 0 && index < info.paramCount() ? info.param(index) : null;
  }

  /** Declared type of parameter {@code index}; {@link ParamType#BYTEBUF} for undeclared ones. */
  public ParamType paramType(int index) {
    ParamInfo p = paramInfo(index);
    return p == null ? ParamType.BYTEBUF : p.type();
  }

  /** Index of the parameter named {@code name} in this event's type, or -1. */
  public int paramIndex(String name) {
    return info == null ? -1 : info.paramIndex(name);
  }

  // ------------------------------------------------------------------ params, typed

  /**
   * Parameter {@code index} as an integer, read with its stored width (1, 2, 4 or 8 bytes) and
   * sign-extended for signed types (INT*, ERRNO, FD, PID, FD32, PID32). Returns {@code ifAbsent}
   * when the parameter is missing, empty, or not 1/2/4/8 bytes long.
   */
  public long paramAsLong(int index, long ifAbsent) {
    if (index < 0 || index >= nparams) {
      return ifAbsent;
    }
    requireLayout();
    int p = offsets[index];
    boolean signed = paramType(index).isSigned();
    switch (lengths[index]) {
      case 8:
        return buf.getLong(p);
      case 4:
        return signed ? buf.getInt(p) : buf.getInt(p) & 0xFFFFFFFFL;
      case 2:
        return signed ? buf.getShort(p) : buf.getShort(p) & 0xFFFFL;
      case 1:
        return signed ? buf.get(p) : buf.get(p) & 0xFFL;
      default:
        return ifAbsent;
    }
  }

  /** {@link #paramAsLong(int, long)} with 0 for absent parameters. */
  public long paramAsLong(int index) {
    return paramAsLong(index, 0);
  }

  /** Length of the text of parameter {@code index}: its bytes up to the first NUL. */
  public int textLength(int index) {
    if (index < 0 || index >= nparams) {
      return 0;
    }
    requireLayout();
    int p = offsets[index];
    int n = lengths[index];
    for (int i = 0; i < n; i++) {
      if (buf.get(p + i) == 0) {
        return i;
      }
    }
    return n;
  }

  /** True when the text of parameter {@code index} (up to the first NUL) equals {@code bytes}. */
  public boolean textEquals(int index, byte[] bytes) {
    int n = textLength(index);
    if (n != bytes.length) {
      return false;
    }
    int p = offsets[index];
    for (int i = 0; i < n; i++) {
      if (buf.get(p + i) != bytes[i]) {
        return false;
      }
    }
    return true;
  }

  /**
   * The text of parameter {@code index} up to the first NUL, decoded as UTF-8 (allocates: for
   * output and tests, not for the per-event path). Empty string when absent.
   */
  public String paramAsString(int index) {
    int n = textLength(index);
    if (n == 0) {
      return "";
    }
    byte[] b = new byte[n];
    buf.get(offsets[index], b, 0, n);
    return new String(b, StandardCharsets.UTF_8);
  }

  /** A copy of the raw bytes of parameter {@code index} (allocates). */
  public byte[] paramBytes(int index) {
    if (index < 0 || index >= nparams) {
      return new byte[0];
    }
    requireLayout();
    byte[] b = new byte[lengths[index]];
    buf.get(offsets[index], b, 0, b.length);
    return b;
  }

  /**
   * Copies up to {@code max} raw bytes of parameter {@code index} into {@code dst} and returns
   * how many were copied.
   */
  public int copyParam(int index, byte[] dst, int dstOffset, int max) {
    if (index < 0 || index >= nparams) {
      return 0;
    }
    requireLayout();
    int n = Math.min(lengths[index], Math.min(max, dst.length - dstOffset));
    buf.get(offsets[index], dst, dstOffset, n);
    return n;
  }

  /** The socket address in parameter {@code index} (a reused view). */
  public SockaddrView sockaddr(int index) {
    requireLayout();
    return sockaddrView.reset(index);
  }

  /** The socket tuple in parameter {@code index} (a reused view). */
  public SocketTupleView socktuple(int index) {
    requireLayout();
    return tupleView.reset(index);
  }

  /** The fd list in parameter {@code index} (a reused view). */
  public FdListView fdList(int index) {
    requireLayout();
    return fdListView.reset(index);
  }

  /** The NUL-separated strings (argv, env, cgroups) in parameter {@code index} (a reused view). */
  public StringArrayView stringArray(int index) {
    requireLayout();
    return stringArrayView.reset(index);
  }

  /**
   * The selected alternative of the dynamic parameter {@code index} (its first byte), or null when
   * the parameter is empty, not dynamic, or the selector is unknown.
   */
  public ParamInfo dynamicAlternative(int index) {
    ParamInfo p = paramInfo(index);
    if (p == null || p.dynamicTable() == null || isEmpty(index)) {
      return null;
    }
    return p.dynamicTable().alternative(buf.get(offsets[index]) & 0xFF);
  }

  /**
   * The value of the dynamic parameter {@code index} as an integer (after the selector byte), read
   * with its width and the selected type's signedness; {@code ifAbsent} otherwise.
   */
  public long dynamicAsLong(int index, long ifAbsent) {
    ParamInfo alt = dynamicAlternative(index);
    if (alt == null) {
      return ifAbsent;
    }
    int p = offsets[index] + 1;
    boolean signed = alt.type().isSigned();
    switch (lengths[index] - 1) {
      case 8: return buf.getLong(p);
      case 4: return signed ? buf.getInt(p) : buf.getInt(p) & 0xFFFFFFFFL;
      case 2: return signed ? buf.getShort(p) : buf.getShort(p) & 0xFFFFL;
      case 1: return signed ? buf.get(p) : buf.get(p) & 0xFFL;
      default: return ifAbsent;
    }
  }

  /**
   * Appends the symbolic names of the flag (or mode) parameter {@code index}, bit-wise in the way
   * libsinsp renders flags; enum-flag parameters by exact value when {@code exactEnums}. Returns
   * false when nothing was appended.
   */
  public boolean appendFlagNames(int index, boolean exactEnums, StringBuilder out) {
    ParamInfo p = paramInfo(index);
    if (p == null || p.flagSet() == null || isEmpty(index)) {
      return false;
    }
    long v = paramAsLong(index, 0);
    if (exactEnums && p.type().isEnumFlags()) {
      String n = p.flagSet().nameOf(v);
      if (n == null) {
        return false;
      }
      out.append(n);
      return true;
    }
    return p.flagSet().appendBitwise(v, out);
  }

  // ------------------------------------------------------------------ copies

  /**
   * Size of this event in the v2 layout: the stored length for v2 events, 4 more for legacy ones.
   */
  public int encodedLength() {
    return (int) length() + (headerSize == HEADER_SIZE ? 0 : 4);
  }

  /**
   * Writes the event in the v2 layout (26-byte header with the parameter count) at the position
   * of {@code dst} (which must be little-endian) and advances it. A v2 event is copied as stored;
   * a legacy event gets its parameter count inserted and {@code len} grown by 4.
   */
  public void writeV2(ByteBuffer dst) {
    int len = (int) length();
    if (headerSize == HEADER_SIZE) {
      dst.put(dst.position(), buf, off, len);
      dst.position(dst.position() + len);
      return;
    }
    int start = dst.position();
    dst.putLong(timestamp()).putLong(threadId()).putInt(len + 4).putShort((short) type)
        .putInt(nparams);
    int rest = len - LEGACY_HEADER_SIZE;
    dst.put(dst.position(), buf, off + LEGACY_HEADER_SIZE, rest);
    dst.position(start + len + 4);
  }

  /**
   * A copy of this event (v2 layout, in its own heap buffer) with a view of its own that stays
   * valid. Allocates.
   */
  public EventView detach() {
    ByteBuffer copy = ByteBuffer.allocate(encodedLength()).order(ByteOrder.LITTLE_ENDIAN);
    writeV2(copy);
    EventView v = new EventView(table);
    v.reset(copy, 0, cpu, dumpFlags, number);
    v.checkLayout(copy.capacity());
    return v;
  }

  @Override
  public String toString() {
    if (buf == null) {
      return "EventView(unset)";
    }
    return "EventView(num=" + number + ", ts=" + timestamp() + ", tid=" + threadId() + ", "
        + (info == null ? "type " + type : info.name()) + " " + directionSymbol() + ", nparams="
        + nparams + ")";
  }
}
