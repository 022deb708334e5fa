package dev.falco4j.core.event;

/**
 * A {@code PT_SOCKTUPLE} parameter (scap-format.md §10.2): for INET the source address and port
 * then the destination (13 bytes), for INET6 likewise with 16-byte addresses (37 bytes), for UNIX
 * two 8-byte kernel socket addresses then a NUL-terminated path. The connecting side comes first.
 * A reused view owned by an {@link EventView}, valid until its next reset.
 */
public final class SocketTupleView {

  private final EventView event;
  private int pos;
  private int len;

  SocketTupleView(EventView event) {
    this.event = event;
  }

  SocketTupleView reset(int index) {
    if (event.hasParam(index)) {
      pos = event.paramOffset(index);
      len = event.paramLength(index);
    } else {
      pos = 0;
      len = 0;
    }
    return this;
  }

  /** Family ({@link SocketFamily}), {@link SocketFamily#NONE} when empty. */
  public int family() {
    return len == 0 ? SocketFamily.NONE : event.buffer().get(pos) & 0xFF;
  }

  /** True for a well-formed IPv4 tuple. */
  public boolean isIpv4() {
    return len == 13 && family() == SocketFamily.INET;
  }

  /** True for a well-formed IPv6 tuple. */
  public boolean isIpv6() {
    return len == 37 && family() == SocketFamily.INET6;
  }

  /** True for a unix tuple. */
  public boolean isUnix() {
    return len >= 17 && family() == SocketFamily.UNIX;
  }

  /** Source IPv4 address, network order as an int (first octet high). */
  public int sourceIpv4() {
    return Integer.reverseBytes(event.buffer().getInt(pos + 1));
  }

  /** Destination IPv4 address, network order as an int. */
  public int destIpv4() {
    return Integer.reverseBytes(event.buffer().getInt(pos + 7));
  }

  /** Source port (IPv4/IPv6), 0 otherwise. */
  public int sourcePort() {
    if (isIpv4()) {
      return event.buffer().getShort(pos + 5) & 0xFFFF;
    }
    return isIpv6() ? event.buffer().getShort(pos + 17) & 0xFFFF : 0;
  }

  /** Destination port (IPv4/IPv6), 0 otherwise. */
  public int destPort() {
    if (isIpv4()) {
      return event.buffer().getShort(pos + 11) & 0xFFFF;
    }
    return isIpv6() ? event.buffer().getShort(pos + 35) & 0xFFFF : 0;
  }

  /** Copies the 16-byte source IPv6 address into {@code dst}. */
  public void sourceIpv6(byte[] dst, int offset) {
    event.buffer().get(pos + 1, dst, offset, 16);
  }

  /** Copies the 16-byte destination IPv6 address into {@code dst}. */
  public void destIpv6(byte[] dst, int offset) {
    event.buffer().get(pos + 19, dst, offset, 16);
  }

  /** Unix tuples: the first kernel socket address. */
  public long unixSource() {
    return event.buffer().getLong(pos + 1);
  }

  /** Unix tuples: the second kernel socket address. */
  public long unixDest() {
    return event.buffer().getLong(pos + 9);
  }

  /** Unix tuples: absolute offset of the path. */
  public int unixPathOffset() {
    return pos + 17;
  }

  /** Unix tuples: path length up to the first NUL. */
  public int unixPathLength() {
    for (int i = 17; i < len; i++) {
      if (event.buffer().get(pos + i) == 0) {
        return i - 17;
      }
    }
    return Math.max(0, len - 17);
  }

  /** Appends the tuple the way sysdig prints it ({@code 1.2.3.4:5->6.7.8.9:80}). */
  public void appendTo(StringBuilder out) {
    AddressFormat.appendTuple(event.buffer(), pos, len, out);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    appendTo(sb);
    return sb.toString();
  }
}
