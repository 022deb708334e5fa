package dev.falco4j.core.event;

import java.nio.ByteBuffer;

/**
 * A {@code PT_SOCKADDR} parameter (scap-format.md §10.2): a family byte then an IPv4 address and
 * port (7 bytes), an IPv6 address and port (19 bytes), or a NUL-terminated unix path. Addresses
 * stay in network byte order; ports are in host order. A reused view owned by an {@link
 * EventView}, valid until its next reset.
 */
public final class SockaddrView {

  private final EventView event;
  private int pos;
  private int len;

  SockaddrView(EventView event) {
    this.event = event;
  }

  SockaddrView reset(int index) {
    if (event.hasParam(index)) {
      pos = event.paramOffset(index);
      len = event.paramLength(index);
    } else {
      pos = 0;
      len = 0;
    }
    return this;
  }

  /** Family ({@link SocketFamily}), {@link SocketFamily#NONE} when the parameter is empty. */
  public int family() {
    return len == 0 ? SocketFamily.NONE : event.buffer().get(pos) & 0xFF;
  }

  /** True for a well-formed IPv4 address (family INET, 7 bytes). */
  public boolean isIpv4() {
    return len == 7 && family() == SocketFamily.INET;
  }

  /** True for a well-formed IPv6 address (family INET6, 19 bytes). */
  public boolean isIpv6() {
    return len == 19 && family() == SocketFamily.INET6;
  }

  /** True for a unix socket path. */
  public boolean isUnix() {
    return len >= 1 && family() == SocketFamily.UNIX;
  }

  /** IPv4 address as an int in network order (first octet in the high byte). */
  public int ipv4() {
    return Integer.reverseBytes(event.buffer().getInt(pos + 1));
  }

  /** Port (IPv4 or IPv6), or 0 when not an IP address. */
  public int port() {
    if (isIpv4()) {
      return event.buffer().getShort(pos + 5) & 0xFFFF;
    }
    if (isIpv6()) {
      return event.buffer().getShort(pos + 17) & 0xFFFF;
    }
    return 0;
  }

  /** Copies the 16 IPv6 address bytes into {@code dst} at {@code offset}. */
  public void ipv6(byte[] dst, int offset) {
    event.buffer().get(pos + 1, dst, offset, 16);
  }

  /** Absolute offset and length of the unix path bytes (up to the first NUL). */
  public int unixPathOffset() {
    return pos + 1;
  }

  /** Length of the unix path (bytes up to the first NUL). */
  public int unixPathLength() {
    ByteBuffer b = event.buffer();
    for (int i = 1; i < len; i++) {
      if (b.get(pos + i) == 0) {
        return i - 1;
      }
    }
    return Math.max(0, len - 1);
  }

  /** Appends the address the way sysdig prints it ({@code 1.2.3.4:80}, {@code ::1:80}, a path). */
  public void appendTo(StringBuilder out) {
    AddressFormat.appendSockaddr(event.buffer(), pos, len, out);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    appendTo(sb);
    return sb.toString();
  }
}
