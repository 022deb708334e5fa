package dev.falco4j.core.event.spi;

/** Kinds of file descriptors in fd lists ({@code scap_fd_type}, scap-format.md §8). */
public enum FdType {
  UNKNOWN(0, '?'),
  FILE(1, 'f'),
  DIRECTORY(2, 'd'),
  IPV4_SOCK(3, '4'),
  IPV6_SOCK(4, '6'),
  IPV4_SERVSOCK(5, '4'),
  IPV6_SERVSOCK(6, '6'),
  FIFO(7, 'p'),
  UNIX_SOCK(8, 'u'),
  EVENT(9, 'e'),
  UNSUPPORTED(10, 'o'),
  SIGNALFD(11, 's'),
  EVENTPOLL(12, 'l'),
  INOTIFY(13, 'i'),
  TIMERFD(14, 't'),
  NETLINK(15, 'n'),
  FILE_V2(16, 'f'),
  BPF(17, 'b'),
  USERFAULTFD(18, 'u'),
  IOURING(19, 'r'),
  MEMFD(20, 'm'),
  PIDFD(21, 'P');

  private static final FdType[] BY_ID = values();

  private final int id;
  private final char letter;

  FdType(int id, char letter) {
    this.id = id;
    this.letter = letter;
  }

  /** The on-disk value. */
  public int id() {
    return id;
  }

  /** The letter sysdig shows for this kind in {@code fd.type} char form ({@code <f>}). */
  public char letter() {
    return letter;
  }

  /** The kind with value {@code id}, or null when unknown. */
  public static FdType ofId(int id) {
    return id >= 0 && id < BY_ID.length ? BY_ID[id] : null;
  }
}
