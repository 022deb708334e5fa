package dev.falco4j.core.event;

import java.nio.ByteBuffer;

/** Renders addresses the way sysdig does (inet_ntop text forms). Package-private. */
final class AddressFormat {

  private AddressFormat() {}

  static void appendIpv4(ByteBuffer b, int p, StringBuilder out) {
    out.append(b.get(p) & 0xFF).append('.').append(b.get(p + 1) & 0xFF).append('.')
        .append(b.get(p + 2) & 0xFF).append('.').append(b.get(p + 3) & 0xFF);
  }

  /** RFC 5952 / glibc inet_ntop form: longest zero run compressed, embedded IPv4 when mapped. */
  static void appendIpv6(ByteBuffer b, int p, StringBuilder out) {
    int[] w = new int[8];
    for (int i = 0; i < 8; i++) {
      w[i] = ((b.get(p + 2 * i) & 0xFF) << 8) | (b.get(p + 2 * i + 1) & 0xFF);
    }
    int bestBase = -1;
    int bestLen = 0;
    int curBase = -1;
    int curLen = 0;
    for (int i = 0; i < 8; i++) {
      if (w[i] == 0) {
        if (curBase < 0) {
          curBase = i;
          curLen = 1;
        } else {
          curLen++;
        }
      } else if (curBase >= 0) {
        if (bestBase < 0 || curLen > bestLen) {
          bestBase = curBase;
          bestLen = curLen;
        }
        curBase = -1;
      }
    }
    if (curBase >= 0 && (bestBase < 0 || curLen > bestLen)) {
      bestBase = curBase;
      bestLen = curLen;
    }
    if (bestBase >= 0 && bestLen < 2) {
      bestBase = -1;
    }
    for (int i = 0; i < 8; i++) {
      if (bestBase >= 0 && i >= bestBase && i < bestBase + bestLen) {
        if (i == bestBase) {
          out.append(':');
        }
        continue;
      }
      if (i != 0) {
        out.append(':');
      }
      if (i == 6 && bestBase == 0 && (bestLen == 6 || (bestLen == 5 && w[5] == 0xFFFF))) {
        appendIpv4(b, p + 12, out);
        return;
      }
      out.append(Integer.toHexString(w[i]));
    }
    if (bestBase >= 0 && bestBase + bestLen == 8) {
      out.append(':');
    }
  }

  static boolean isV4Mapped(ByteBuffer b, int p) {
    for (int i = 0; i < 10; i++) {
      if (b.get(p + i) != 0) {
        return false;
      }
    }
    return b.get(p + 10) == (byte) 0xFF && b.get(p + 11) == (byte) 0xFF;
  }

  static void appendCString(ByteBuffer b, int p, int max, StringBuilder out) {
    for (int i = 0; i < max; i++) {
      int c = b.get(p + i) & 0xFF;
      if (c == 0) {
        return;
      }
      if (c >= 0x20 && c != 0x7F) {
        out.append((char) c);
      }
    }
  }

  static void appendSockaddr(ByteBuffer b, int p, int len, StringBuilder out) {
    if (len == 0) {
      out.append("NULL");
      return;
    }
    int fam = b.get(p) & 0xFF;
    if (fam == SocketFamily.UNIX) {
      appendCString(b, p + 1, len - 1, out);
    } else if (fam == SocketFamily.INET) {
      if (len != 7) {
        out.append("INVALID IPv4");
        return;
      }
      appendIpv4(b, p + 1, out);
      out.append(':').append(b.getShort(p + 5) & 0xFFFF);
    } else if (fam == SocketFamily.INET6) {
      if (len != 19) {
        out.append("INVALID IPv6");
        return;
      }
      appendIpv6(b, p + 1, out);
      out.append(':').append(b.getShort(p + 17) & 0xFFFF);
    } else {
      out.append("family ").append(fam);
    }
  }

  static void appendTuple(ByteBuffer b, int p, int len, StringBuilder out) {
    if (len == 0) {
      out.append("NULL");
      return;
    }
    int fam = b.get(p) & 0xFF;
    if (fam == SocketFamily.INET) {
      if (len != 13) {
        out.append("INVALID IPv4");
        return;
      }
      appendIpv4(b, p + 1, out);
      out.append(':').append(b.getShort(p + 5) & 0xFFFF).append("->");
      appendIpv4(b, p + 7, out);
      out.append(':').append(b.getShort(p + 11) & 0xFFFF);
    } else if (fam == SocketFamily.INET6) {
      if (len != 37) {
        out.append("INVALID IPv6");
        return;
      }
      boolean mapped = isV4Mapped(b, p + 1) && isV4Mapped(b, p + 19);
      if (mapped) {
        appendIpv4(b, p + 13, out);
      } else {
        appendIpv6(b, p + 1, out);
      }
      out.append(':').append(b.getShort(p + 17) & 0xFFFF).append("->");
      if (mapped) {
        appendIpv4(b, p + 31, out);
      } else {
        appendIpv6(b, p + 19, out);
      }
      out.append(':').append(b.getShort(p + 35) & 0xFFFF);
    } else if (fam == SocketFamily.UNIX) {
      if (len < 17) {
        out.append("INVALID UNIX");
        return;
      }
      out.append(Long.toHexString(b.getLong(p + 1))).append("->")
          .append(Long.toHexString(b.getLong(p + 9))).append(' ');
      appendCString(b, p + 17, len - 17, out);
    } else {
      out.append("family ").append(fam);
    }
  }
}
