package dev.falco4j.core.state;

/**
 * Renders addresses and socket tuples the way Falco shows them in {@code fd.name}: dotted IPv4,
 * RFC 5952 IPv6 ({@code ::1}, IPv4-mapped addresses as IPv4), and {@code client->server} tuples
 * ({@code 10.0.0.1:40000->10.0.0.2:80}).
 */
public final class SocketNames {

  private SocketNames() {}

  /** Appends an IPv4 address given as a big-endian int. */
  public static StringBuilder appendIpv4(int ip, StringBuilder out) {
    return out.append((ip >>> 24) & 0xFF).append('.').append((ip >>> 16) & 0xFF).append('.')
        .append((ip >>> 8) & 0xFF).append('.').append(ip & 0xFF);
  }

  /** True when a 16-byte address is IPv4-mapped ({@code ::ffff:a.b.c.d}). */
  public static boolean isV4Mapped(byte[] a) {
    for (int i = 0; i < 10; i++) {
      if (a[i] != 0) {
        return false;
      }
    }
    return a[10] == (byte) 0xFF && a[11] == (byte) 0xFF;
  }

  /** The IPv4 part of an IPv4-mapped address as a big-endian int. */
  public static int mappedIpv4(byte[] a) {
    return ((a[12] & 0xFF) << 24) | ((a[13] & 0xFF) << 16) | ((a[14] & 0xFF) << 8) | (a[15] & 0xFF);
  }

  /** Appends a 16-byte IPv6 address in RFC 5952 form (longest zero run compressed, lower case). */
  public static StringBuilder appendIpv6(byte[] a, StringBuilder out) {
    int bestStart = -1;
    int bestLen = 0;
    int runStart = -1;
    for (int g = 0; g < 8; g++) {
      boolean zero = a[2 * g] == 0 && a[2 * g + 1] == 0;
      if (zero) {
        if (runStart < 0) {
          runStart = g;
        }
        int len = g - runStart + 1;
        if (len > bestLen) {
          bestLen = len;
          bestStart = runStart;
        }
      } else {
        runStart = -1;
      }
    }
    if (bestLen < 2) {
      bestStart = -1;
    }
    for (int g = 0; g < 8; g++) {
      if (g == bestStart) {
        out.append("::");
        g += bestLen - 1;
        continue;
      }
      if (g > 0 && g != bestStart + bestLen) {
        out.append(':');
      }
      int v = ((a[2 * g] & 0xFF) << 8) | (a[2 * g + 1] & 0xFF);
      out.append(Integer.toHexString(v));
    }
    return out;
  }

  /** Appends the client address of an inet socket (IPv4 or IPv6 as the fd holds it). */
  public static StringBuilder appendClientIp(FdInfo fd, StringBuilder out) {
    return fd.clientIp6 != null && isIpv6(fd) ? appendIp6Or4(fd.clientIp6, out)
        : appendIpv4(fd.clientIp4, out);
  }

  /** Appends the server address of an inet socket. */
  public static StringBuilder appendServerIp(FdInfo fd, StringBuilder out) {
    return fd.serverIp6 != null && isIpv6(fd) ? appendIp6Or4(fd.serverIp6, out)
        : appendIpv4(fd.serverIp4, out);
  }

  private static boolean isIpv6(FdInfo fd) {
    return fd.type == FdType.IPV6_SOCK || fd.type == FdType.IPV6_SERVSOCK;
  }

  private static StringBuilder appendIp6Or4(byte[] a, StringBuilder out) {
    return isV4Mapped(a) ? appendIpv4(mappedIpv4(a), out) : appendIpv6(a, out);
  }

  /** The {@code fd.name} of a connected inet socket: {@code cip:cport->sip:sport}. */
  public static String tupleName(FdInfo fd, StringBuilder scratch) {
    scratch.setLength(0);
    appendClientIp(fd, scratch).append(':').append(fd.clientPort).append("->");
    appendServerIp(fd, scratch).append(':').append(fd.serverPort);
    return scratch.toString();
  }

  /** The {@code fd.name} of a listening inet socket: {@code ip:port}. */
  public static String serverName(FdInfo fd, StringBuilder scratch) {
    scratch.setLength(0);
    appendServerIp(fd, scratch).append(':').append(fd.serverPort);
    return scratch.toString();
  }
}
