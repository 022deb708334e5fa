package dev.falco4j.core.state;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.SockaddrView;
import dev.falco4j.core.event.SocketFamily;
import dev.falco4j.core.event.SocketTupleView;

/**
 * How fd events change a process's fd table: the open family, sockets (socket, bind, connect,
 * accept, socketpair, and the tuple learnt from sendto/recvfrom on unconnected sockets), pipes, the
 * special fds (eventfd, signalfd, timerfd, inotify, epoll, userfaultfd, io_uring, memfd, pidfd,
 * bpf), dup/dup2/dup3/fcntl(F_DUPFD), close and close_range. Names are resolved as Falco resolves
 * them: relative paths against the working directory or the dirfd's path.
 *
 * <p>Each handler returns the fd the event is about (for {@code fd.*} fields), or null.
 */
final class FdEvents {

  private static final long AT_FDCWD = -100;
  private static final int O_DIRECTORY = 0x400;
  private static final long F_DUPFD = 1;
  private static final long F_DUPFD_CLOEXEC = 0x1a;
  private static final int CLOSE_RANGE_CLOEXEC = 4;
  private static final long EINPROGRESS = -115;
  private static final int SOCK_STREAM = 1;
  private static final int SOCK_DGRAM = 2;
  private static final int SOCK_RAW = 3;
  private static final int IPPROTO_ICMP = 1;
  private static final int IPPROTO_ICMPV6 = 58;

  private final SystemState state;
  private final FdPool pool;
  private final PathResolver paths = new PathResolver();
  private final StringBuilder scratch = new StringBuilder(64);
  private final byte[] ip6a = new byte[16];
  private final byte[] ip6b = new byte[16];
  private long[] rangeScratch = new long[64];
  /** The socket as a failed connect shows it, without changing the stored one. */
  private final FdInfo failedConnect = new FdInfo();


  FdEvents(SystemState state) {
    this.state = state;
    this.pool = state.fdPool();
  }

  private FdInfo install(ThreadInfo t, FdInfo info) {
    FdInfo old = t.fds.put(info);
    if (old == info) {
      // table full: counted by the caller through the return value
      pool.release(info);
      state.countFdDrop();
      return null;
    }
    if (old != null) {
      pool.release(old);
    }
    return info;
  }

  FdInfo onOpen(EventView ev, EventParams p, ThreadInfo t) {
    long fd = p.asLong("fd", -1);
    String raw = p.asString("name");
    if (raw == null) {
      raw = p.asString("path");
    }
    int flags = (int) p.asLong("flags", 0);
    String name = raw == null ? "" : resolveAt(t, p.asLong("dirfd", AT_FDCWD), raw);
    if (fd < 0) {
      state.failedOpenPath = name;
      state.failedOpenRawPath = raw == null ? "" : raw;
      return null;
    }
    FdInfo info = pool.acquire(fd, (flags & O_DIRECTORY) != 0 ? FdType.DIRECTORY : FdType.FILE);
    info.name = name;
    info.nameChangedAt = state.eventsApplied();
    info.nameRaw = raw == null ? "" : raw;
    info.openFlags = flags;
    info.dev = (int) p.asLong("dev", 0);
    info.ino = p.asLong("ino", 0);
    return install(t, info);
  }

  /** Resolves a path given to an *at syscall against its dirfd (or cwd for AT_FDCWD). */
  String resolveAt(ThreadInfo t, long dirfd, String raw) {
    if (!raw.isEmpty() && raw.charAt(0) == '/') {
      return paths.resolve("/", raw);
    }
    if (dirfd == AT_FDCWD) {
      return paths.resolve(t.cwd(), raw);
    }
    FdInfo dir = t.fds.get(dirfd);
    if (dir == null || dir.name.isEmpty()) {
      // Falco shows paths relative to an unknown directory fd with this marker.
      return paths.resolve("<UNKNOWN>/", raw).substring(0);
    }
    return paths.resolve(PathResolver.asDirectory(dir.name), raw);
  }

  FdInfo onSocket(EventParams p, ThreadInfo t) {
    long fd = p.asLong("fd", -1);
    if (fd < 0) {
      return null;
    }
    int domain = (int) p.asLong("domain", 0);
    int type = (int) p.asLong("type", 0) & 0xF;
    int proto = (int) p.asLong("proto", 0);
    FdType ft;
    switch (domain) {
      case SocketFamily.UNIX: ft = FdType.UNIX_SOCK; break;
      case SocketFamily.INET: ft = FdType.IPV4_SOCK; break;
      case SocketFamily.INET6: ft = FdType.IPV6_SOCK; break;
      case 16: ft = FdType.NETLINK; break;
      default: ft = FdType.UNSUPPORTED; break;
    }
    FdInfo info = pool.acquire(fd, ft);
    if (ft.isInet()) {
      // Like libsinsp, the protocol shows once the socket's tuple is known.
      if (proto == IPPROTO_ICMP || proto == IPPROTO_ICMPV6) {
        info.l4Guess = FdInfo.L4_ICMP;
      } else if (type == SOCK_STREAM) {
        info.l4Guess = FdInfo.L4_TCP;
      } else if (type == SOCK_DGRAM) {
        info.l4Guess = FdInfo.L4_UDP;
      } else if (type == SOCK_RAW) {
        info.l4Guess = FdInfo.L4_RAW;
      }
      if (ft == FdType.IPV6_SOCK) {
        info.ensureIp6();
      }
    }
    return install(t, info);
  }

  FdInfo onBind(EventParams p, ThreadInfo t, FdInfo fd) {
    if (fd == null || p.asLong("res", -1) != 0 || !p.locate("addr")) {
      return fd;
    }
    SockaddrView a = p.foundView().sockaddr(p.foundIndex());
    if (a.isIpv4() && fd.type.isInet()) {
      fd.type = FdType.IPV4_SERVSOCK;
      fd.serverIp4 = a.ipv4();
      fd.serverPort = a.port();
      fd.role |= FdInfo.ROLE_SERVER;
      fd.name = SocketNames.serverName(fd, scratch);
    } else if (a.isIpv6() && fd.type.isInet()) {
      fd.ensureIp6();
      a.ipv6(fd.serverIp6, 0);
      fd.type = FdType.IPV6_SERVSOCK;
      fd.serverPort = a.port();
      fd.role |= FdInfo.ROLE_SERVER;
      fd.name = SocketNames.serverName(fd, scratch);
    } else if (a.isUnix()) {
      fd.name = text(p.foundView(), a.unixPathOffset(), a.unixPathLength());
    }
    return fd;
  }

  FdInfo onConnect(EventView ev, EventParams p, ThreadInfo t, long fdNum, FdInfo fd) {
    if (fdNum < 0) {
      return fd;
    }
    if (!p.locate("tuple")) {
      return fd;
    }
    SocketTupleView tuple = p.foundView().socktuple(p.foundIndex());
    if (fd == null) {
      FdType ft = tuple.isUnix() ? FdType.UNIX_SOCK
          : tuple.isIpv6() ? FdType.IPV6_SOCK : tuple.isIpv4() ? FdType.IPV4_SOCK : null;
      if (ft == null) {
        return null;
      }
      fd = install(t, pool.acquire(fdNum, ft));
      if (fd == null) {
        return null;
      }
    }
    long res = p.asLong("res", 0);
    if (res < 0 && res != EINPROGRESS) {
      // A failed connect leaves the socket as it was; the event still names its target.
      failedConnect.copyFrom(fd);
      applyTuple(p.foundView(), tuple, failedConnect, FdInfo.ROLE_CLIENT);
      failedConnect.nameChangedAt = -1;
      return failedConnect;
    }
    applyTuple(p.foundView(), tuple, fd, FdInfo.ROLE_CLIENT);
    return fd;
  }

  FdInfo onAccept(EventParams p, ThreadInfo t) {
    long fdNum = p.asLong("fd", -1);
    if (fdNum < 0) {
      return null;
    }
    FdType ft = FdType.UNSUPPORTED;
    SocketTupleView tuple = null;
    if (p.locate("tuple")) {
      tuple = p.foundView().socktuple(p.foundIndex());
      ft = tuple.isUnix() ? FdType.UNIX_SOCK
          : tuple.isIpv6() ? FdType.IPV6_SOCK : tuple.isIpv4() ? FdType.IPV4_SOCK
          : FdType.UNSUPPORTED;
    }
    FdInfo fd = install(t, pool.acquire(fdNum, ft));
    if (fd != null && tuple != null) {
      fd.l4Guess = FdInfo.L4_TCP;
      applyTuple(p.foundView(), tuple, fd, FdInfo.ROLE_SERVER);
    }
    return fd;
  }

  /** sendto/recvfrom/sendmsg/recvmsg: unconnected datagram sockets learn their peer per packet. */
  FdInfo onSendRecv(EventView ev, EventParams p, ThreadInfo t, FdInfo fd, boolean send) {
    if (fd == null || !fd.type.isInet() || fd.l4proto == FdInfo.L4_TCP || fd.tupleKnown) {
      // Connected sockets keep the tuple of their connect; only unconnected datagram sockets
      // learn their peer from a datagram.
      return fd;
    }
    if (!p.locate("tuple")) {
      return fd;
    }
    SocketTupleView tuple = p.foundView().socktuple(p.foundIndex());
    if (!tuple.isIpv4() && !tuple.isIpv6()) {
      return fd;
    }
    applyTuple(p.foundView(), tuple, fd, send ? FdInfo.ROLE_CLIENT : FdInfo.ROLE_SERVER);
    return fd;
  }

  private void applyTuple(EventView v, SocketTupleView tuple, FdInfo fd, int role) {
    String before = fd.name;
    if (!tuple.isUnix()) {
      fd.tupleKnown = true;
      if (fd.l4proto == FdInfo.L4_UNKNOWN || fd.l4proto == FdInfo.L4_NA) {
        fd.l4proto = fd.l4Guess != FdInfo.L4_UNKNOWN ? fd.l4Guess : FdInfo.L4_TCP;
      }
    }
    if (tuple.isIpv4()) {
      fd.type = FdType.IPV4_SOCK;
      fd.clientIp4 = tuple.sourceIpv4();
      fd.serverIp4 = tuple.destIpv4();
      fd.clientPort = tuple.sourcePort();
      fd.serverPort = tuple.destPort();
      fd.role = role;
      fd.name = SocketNames.tupleName(fd, scratch);
    } else if (tuple.isIpv6()) {
      tuple.sourceIpv6(ip6a, 0);
      tuple.destIpv6(ip6b, 0);
      fd.clientPort = tuple.sourcePort();
      fd.serverPort = tuple.destPort();
      fd.role = role;
      if (SocketNames.isV4Mapped(ip6a) && SocketNames.isV4Mapped(ip6b)) {
        // Falco shows a v6 socket talking to v4-mapped peers as an IPv4 connection.
        fd.type = FdType.IPV4_SOCK;
        fd.clientIp4 = SocketNames.mappedIpv4(ip6a);
        fd.serverIp4 = SocketNames.mappedIpv4(ip6b);
      } else {
        fd.type = FdType.IPV6_SOCK;
        fd.ensureIp6();
        System.arraycopy(ip6a, 0, fd.clientIp6, 0, 16);
        System.arraycopy(ip6b, 0, fd.serverIp6, 0, 16);
      }
      fd.name = SocketNames.tupleName(fd, scratch);
    } else if (tuple.isUnix()) {
      fd.type = FdType.UNIX_SOCK;
      fd.unixSource = tuple.unixSource();
      fd.unixDest = tuple.unixDest();
      fd.role = role;
      // libsinsp names a unix socket after both kernel endpoints and the path.
      scratch.setLength(0);
      scratch.append(Long.toHexString(fd.unixSource)).append("->")
          .append(Long.toHexString(fd.unixDest)).append(' ')
          .append(text(v, tuple.unixPathOffset(), tuple.unixPathLength()));
      fd.name = scratch.toString();
    }
    fd.nameChanged = !fd.name.equals(before);
    if (fd.nameChanged) {
      fd.nameChangedAt = state.eventsApplied();
    }
  }

  FdInfo onPipe(EventParams p, ThreadInfo t) {
    if (p.asLong("res", 0) < 0) {
      return null;
    }
    long fd1 = p.asLong("fd1", -1);
    long fd2 = p.asLong("fd2", -1);
    long ino = p.asLong("ino", 0);
    FdInfo last = null;
    if (fd1 >= 0) {
      FdInfo a = pool.acquire(fd1, FdType.FIFO);
      a.ino = ino;
      last = install(t, a);
    }
    if (fd2 >= 0) {
      FdInfo b = pool.acquire(fd2, FdType.FIFO);
      b.ino = ino;
      last = install(t, b);
    }
    // libsinsp attributes the event to the second fd.
    return last;
  }

  FdInfo onSocketpair(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) < 0) {
      return null;
    }
    long fd1 = p.asLong("fd1", -1);
    long fd2 = p.asLong("fd2", -1);
    long source = p.asLong("source", 0);
    long peer = p.asLong("peer", 0);
    int domain = (int) p.asLong("domain", SocketFamily.UNIX);
    FdType ft = domain == SocketFamily.UNIX ? FdType.UNIX_SOCK : FdType.UNSUPPORTED;
    FdInfo first = null;
    if (fd1 >= 0) {
      FdInfo a = pool.acquire(fd1, ft);
      a.unixSource = source;
      a.unixDest = peer;
      first = install(t, a);
    }
    if (fd2 >= 0) {
      FdInfo b = pool.acquire(fd2, ft);
      b.unixSource = peer;
      b.unixDest = source;
      install(t, b);
    }
    return first;
  }

  FdInfo onSimpleFd(EventView ev, EventParams p, ThreadInfo t) {
    long fd = p.asLong("res", -1);
    if (fd < 0) {
      fd = p.asLong("fd", -1);
    }
    if (fd < 0) {
      return null;
    }
    return install(t, pool.acquire(fd, EventAction.simpleFdType(ev.info().name())));
  }

  FdInfo onMemfd(EventParams p, ThreadInfo t) {
    long fd = p.asLong("fd", -1);
    if (fd < 0) {
      return null;
    }
    FdInfo info = pool.acquire(fd, FdType.MEMFD);
    String name = p.asString("name");
    info.name = name == null ? "" : name;
    return install(t, info);
  }

  /** dup/dup2/dup3 and fcntl(F_DUPFD*): the new fd refers to what the old one did. */
  FdInfo onDup(EventParams p, ThreadInfo t, long enterFd, boolean isFcntl) {
    if (isFcntl) {
      long cmd = p.asLong("cmd", -1);
      if (cmd != F_DUPFD && cmd != F_DUPFD_CLOEXEC) {
        return enterFd >= 0 ? t.fds.get(enterFd) : null;
      }
    }
    long newFd = p.asLong("res", -1);
    long oldFd = p.asLong("oldfd", -1);
    if (oldFd < 0) {
      oldFd = isFcntl ? p.asLong("fd", enterFd) : enterFd;
    }
    if (newFd < 0 || oldFd < 0) {
      return null;
    }
    FdInfo src = t.fds.get(oldFd);
    if (src == null) {
      return null;
    }
    if (newFd == oldFd) {
      return src;
    }
    FdInfo copy = pool.acquire(newFd, src.type);
    copy.copyFrom(src);
    copy.fd = newFd;
    return install(t, copy);
  }

  void onCloseRange(EventParams p, ThreadInfo t) {
    if (p.asLong("res", -1) != 0) {
      return;
    }
    long first = p.asLong("first", 0) & 0xFFFF_FFFFL;
    long last = p.asLong("last", 0) & 0xFFFF_FFFFL;
    int flags = (int) p.asLong("flags", 0);
    if ((flags & CLOSE_RANGE_CLOEXEC) != 0) {
      return;
    }
    FdTable table = t.fds;
    int n = 0;
    for (int i = 0; i < table.slotCount(); i++) {
      FdInfo f = table.at(i);
      if (f != null && f.fd >= first && f.fd <= last) {
        if (n == rangeScratch.length) {
          long[] bigger = new long[n * 2];
          System.arraycopy(rangeScratch, 0, bigger, 0, n);
          rangeScratch = bigger;
        }
        rangeScratch[n++] = f.fd;
      }
    }
    for (int i = 0; i < n; i++) {
      FdInfo removed = table.remove(rangeScratch[i]);
      if (removed != null) {
        pool.release(removed);
      }
    }
  }

  private static String text(EventView v, int offset, int length) {
    if (length <= 0) {
      return "";
    }
    byte[] b = new byte[length];
    v.buffer().get(offset, b, 0, length);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
}
