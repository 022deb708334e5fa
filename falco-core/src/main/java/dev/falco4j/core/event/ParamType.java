package dev.falco4j.core.event;

/**
 * Parameter types of the scap event layout ({@code PT_*} in the driver's public header). The id is
 * the on-disk/ABI value; {@link #fixedSize()} is the exact encoded size of fixed-width types (a
 * parameter of such a type is either that long or empty), or -1 for variable-length types.
 * See shared/spec/scap-format.md §10.1.
 */
public enum ParamType {
  NONE(0, 0),
  INT8(1, 1),
  INT16(2, 2),
  INT32(3, 4),
  INT64(4, 8),
  UINT8(5, 1),
  UINT16(6, 2),
  UINT32(7, 4),
  UINT64(8, 8),
  CHARBUF(9, -1),
  BYTEBUF(10, -1),
  ERRNO(11, 8),
  SOCKADDR(12, -1),
  SOCKTUPLE(13, -1),
  FD(14, 8),
  PID(15, 8),
  FDLIST(16, -1),
  FSPATH(17, -1),
  SYSCALLID(18, 2),
  SIGTYPE(19, 1),
  RELTIME(20, 8),
  ABSTIME(21, 8),
  PORT(22, 2),
  L4PROTO(23, 1),
  SOCKFAMILY(24, 1),
  BOOL(25, 4),
  IPV4ADDR(26, 4),
  DYN(27, -1),
  FLAGS8(28, 1),
  FLAGS16(29, 2),
  FLAGS32(30, 4),
  UID(31, 4),
  GID(32, 4),
  DOUBLE(33, 8),
  SIGSET(34, 4),
  CHARBUFARRAY(35, -1),
  CHARBUF_PAIR_ARRAY(36, -1),
  IPV4NET(37, -1),
  IPV6ADDR(38, 16),
  IPV6NET(39, -1),
  IPADDR(40, -1),
  IPNET(41, -1),
  MODE(42, 4),
  FSRELPATH(43, -1),
  ENUMFLAGS8(44, 1),
  ENUMFLAGS16(45, 2),
  ENUMFLAGS32(46, 4),
  FD32(47, 4),
  PID32(48, 4);

  private static final ParamType[] BY_ID = values();

  private final int id;
  private final int fixedSize;

  ParamType(int id, int fixedSize) {
    this.id = id;
    this.fixedSize = fixedSize;
  }

  /** The {@code PT_*} value. */
  public int id() {
    return id;
  }

  /** Encoded size in bytes of a fixed-width type, -1 for a variable-length type. */
  public int fixedSize() {
    return fixedSize;
  }

  /** True for types whose value is a (possibly signed) integer of at most 8 bytes. */
  public boolean isInteger() {
    return fixedSize > 0 && this != DOUBLE && this != IPV6ADDR;
  }

  /** True for types read as signed two's complement integers. */
  public boolean isSigned() {
    switch (this) {
      case INT8: case INT16: case INT32: case INT64: case ERRNO: case FD: case PID: case FD32:
      case PID32:
        return true;
      default:
        return false;
    }
  }

  /** True for bit-set flag types ({@code PT_FLAGS*}). */
  public boolean isBitFlags() {
    return this == FLAGS8 || this == FLAGS16 || this == FLAGS32;
  }

  /** True for single-value enumeration types ({@code PT_ENUMFLAGS*}). */
  public boolean isEnumFlags() {
    return this == ENUMFLAGS8 || this == ENUMFLAGS16 || this == ENUMFLAGS32;
  }

  /** True for NUL-terminated text types (CHARBUF, FSPATH, FSRELPATH). */
  public boolean isText() {
    return this == CHARBUF || this == FSPATH || this == FSRELPATH;
  }

  /** The type with the given {@code PT_*} value, or null when unknown. */
  public static ParamType ofId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }
}
