package dev.falco4j.core.state;

/**
 * What a file descriptor refers to, with the one-letter code ({@code fd.typechar}) and the word
 * ({@code fd.type}) Falco shows for it. The scap codes are the {@code scap_fd_type} numbers stored in
 * trace fd-list blocks (scap-format.md §8).
 */
public enum FdType {
  /** Not known (never written to traces). */
  UNKNOWN(0, 'o', "unknown"),
  /** A regular file. */
  FILE(1, 'f', "file"),
  /** A directory. */
  DIRECTORY(2, 'd', "directory"),
  /** An IPv4 socket. */
  IPV4_SOCK(3, '4', "ipv4"),
  /** An IPv6 socket. */
  IPV6_SOCK(4, '6', "ipv6"),
  /** An IPv4 listening socket (trace fd lists only; shown as ipv4). */
  IPV4_SERVSOCK(5, '4', "ipv4"),
  /** An IPv6 listening socket (trace fd lists only; shown as ipv6). */
  IPV6_SERVSOCK(6, '6', "ipv6"),
  /** A pipe or FIFO. */
  FIFO(7, 'p', "pipe"),
  /** A unix domain socket. */
  UNIX_SOCK(8, 'u', "unix"),
  /** An eventfd. */
  EVENT(9, 'e', "event"),
  /** Something the tracer does not model. */
  UNSUPPORTED(10, 'o', "unknown"),
  /** A signalfd. */
  SIGNALFD(11, 's', "signalfd"),
  /** An epoll instance. */
  EVENTPOLL(12, 'l', "eventpoll"),
  /** An inotify instance. */
  INOTIFY(13, 'i', "inotify"),
  /** A timerfd. */
  TIMERFD(14, 't', "timerfd"),
  /** A netlink socket. */
  NETLINK(15, 'n', "netlink"),
  /** A regular file with open flags and device (scap FILE_V2); shown as file. */
  FILE_V2(16, 'f', "file"),
  /** A BPF map or program. */
  BPF(17, 'b', "bpf"),
  /** A userfaultfd. */
  USERFAULTFD(18, 'u', "userfaultfd"),
  /** An io_uring instance. */
  IOURING(19, 'r', "io_uring"),
  /** A memfd. */
  MEMFD(20, 'm', "memfd"),
  /** A pidfd. */
  PIDFD(21, 'P', "pidfd");

  private static final FdType[] BY_CODE = values();

  private final int scapCode;
  private final char typeChar;
  private final String typeName;

  FdType(int scapCode, char typeChar, String typeName) {
    this.scapCode = scapCode;
    this.typeChar = typeChar;
    this.typeName = typeName;
  }

  /** The {@code scap_fd_type} number. */
  public int scapCode() {
    return scapCode;
  }

  /** The {@code fd.typechar} letter. */
  public char typeChar() {
    return typeChar;
  }

  /** The {@code fd.type} word. */
  public String typeName() {
    return typeName;
  }

  /** True for IPv4/IPv6 sockets, listening or not. */
  public boolean isInet() {
    return this == IPV4_SOCK || this == IPV6_SOCK || this == IPV4_SERVSOCK || this == IPV6_SERVSOCK;
  }

  /** True for anything that is a socket (inet, unix, netlink). */
  public boolean isSocket() {
    return isInet() || this == UNIX_SOCK || this == NETLINK;
  }

  /** True for regular files and directories. */
  public boolean isFile() {
    return this == FILE || this == FILE_V2 || this == DIRECTORY;
  }

  /** The type for a scap code; {@link #UNSUPPORTED} for codes this version does not know. */
  public static FdType ofScapCode(int code) {
    return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : UNSUPPORTED;
  }
}
