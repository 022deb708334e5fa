package dev.falco4j.core.state;

import java.util.Arrays;

/**
 * One open file descriptor of a process: what it is, its name as Falco shows it ({@code fd.name}),
 * and for sockets the connection tuple.
 *
 * <p>Deliberately mutable and recycled: the state tracker keeps a bounded pool of these and reuses
 * them when fds close, so opening and closing millions of fds does not churn the heap. A reference
 * obtained from the state is valid until the next event is applied.
 *
 * <p>Addresses: IPv4 addresses are kept as {@code int} in network byte order read big-endian (so
 * {@code 127.0.0.1} is {@code 0x7F000001}); IPv6 addresses as 16 bytes. For inet sockets "client" and
 * "server" are the connecting and accepting ends, as in Falco's {@code fd.cip}/{@code fd.sip}.
 */
public final class FdInfo {

  /** l4proto code: not known. */
  public static final int L4_UNKNOWN = 0;
  /** l4proto code: not a socket. */
  public static final int L4_NA = 1;
  /** l4proto code: TCP. */
  public static final int L4_TCP = 2;
  /** l4proto code: UDP. */
  public static final int L4_UDP = 3;
  /** l4proto code: ICMP. */
  public static final int L4_ICMP = 4;
  /** l4proto code: raw. */
  public static final int L4_RAW = 5;

  /** Role flag: this end connected (client side of the tuple). */
  static final int ROLE_CLIENT = 1;
  /** Role flag: this end accepted or listens (server side of the tuple). */
  static final int ROLE_SERVER = 2;

  long fd;
  FdType type = FdType.UNKNOWN;
  String name = "";
  /** The name as the syscall passed it, before resolution against cwd/dirfd ({@code fd.nameraw}). */
  String nameRaw = "";
  int openFlags;
  int dev;
  long ino;
  int l4proto;
  int clientIp4;
  int serverIp4;
  byte[] clientIp6;
  byte[] serverIp6;
  int clientPort;
  int serverPort;
  int role;
  long unixSource;
  long unixDest;
  boolean nameChanged;
  /** {@link SystemState#eventsApplied()} when the name last changed. */
  long nameChangedAt = -1;
  /** True once the socket's addresses are known (connect, accept, datagram, trace fd list). */
  boolean tupleKnown;
  /** The protocol the socket() call implies, applied once the tuple is known. */
  int l4Guess;
  /** Set on the transient copy of a closed fd kept for the close event; not in any table. */
  boolean closed;

  /** Creates an empty descriptor; the state fills it in. */
  public FdInfo() {}

  void reset(long fd, FdType type) {
    this.fd = fd;
    this.type = type;
    name = "";
    nameRaw = "";
    openFlags = 0;
    dev = 0;
    ino = 0;
    l4proto = type.isSocket() ? L4_UNKNOWN : L4_NA;
    clientIp4 = 0;
    serverIp4 = 0;
    if (clientIp6 != null) {
      Arrays.fill(clientIp6, (byte) 0);
      Arrays.fill(serverIp6, (byte) 0);
    }
    clientPort = 0;
    serverPort = 0;
    role = 0;
    unixSource = 0;
    unixDest = 0;
    nameChanged = false;
    nameChangedAt = -1;
    tupleKnown = false;
    l4Guess = L4_UNKNOWN;
    closed = false;
  }

  void copyFrom(FdInfo other) {
    fd = other.fd;
    type = other.type;
    name = other.name;
    nameRaw = other.nameRaw;
    openFlags = other.openFlags;
    dev = other.dev;
    ino = other.ino;
    l4proto = other.l4proto;
    clientIp4 = other.clientIp4;
    serverIp4 = other.serverIp4;
    if (other.clientIp6 != null) {
      ensureIp6();
      System.arraycopy(other.clientIp6, 0, clientIp6, 0, 16);
      System.arraycopy(other.serverIp6, 0, serverIp6, 0, 16);
    } else if (clientIp6 != null) {
      Arrays.fill(clientIp6, (byte) 0);
      Arrays.fill(serverIp6, (byte) 0);
    }
    clientPort = other.clientPort;
    serverPort = other.serverPort;
    role = other.role;
    unixSource = other.unixSource;
    unixDest = other.unixDest;
    nameChanged = other.nameChanged;
    nameChangedAt = other.nameChangedAt;
    tupleKnown = other.tupleKnown;
    l4Guess = other.l4Guess;
    closed = other.closed;
  }

  void ensureIp6() {
    if (clientIp6 == null) {
      clientIp6 = new byte[16];
      serverIp6 = new byte[16];
    }
  }

  /** The fd number. */
  public long fd() {
    return fd;
  }

  /** What the fd refers to. */
  public FdType type() {
    return type;
  }

  /** The name as Falco shows it: absolute path, socket tuple, pipe/event description. */
  public String name() {
    return name;
  }

  /** The path as given to the syscall, not resolved ({@code fd.nameraw}); equal to name otherwise. */
  public String nameRaw() {
    return nameRaw.isEmpty() ? name : nameRaw;
  }

  /** Open flags ({@code PPM_O_*}) for files. */
  public int openFlags() {
    return openFlags;
  }

  /** Device number of a file (as the driver encodes it). */
  public int dev() {
    return dev;
  }

  /** Inode number, 0 when not known. */
  public long ino() {
    return ino;
  }

  /** Layer-4 protocol code ({@link #L4_TCP} ...). */
  public int l4proto() {
    return l4proto;
  }

  /** Client (connecting side) IPv4 address, big-endian int. */
  public int clientIp4() {
    return clientIp4;
  }

  /** Server (accepting side) IPv4 address, big-endian int; for listening sockets the bound address. */
  public int serverIp4() {
    return serverIp4;
  }

  /** Client IPv6 address bytes (do not modify), or null for IPv4 sockets. */
  public byte[] clientIp6() {
    return clientIp6;
  }

  /** Server IPv6 address bytes (do not modify), or null for IPv4 sockets. */
  public byte[] serverIp6() {
    return serverIp6;
  }

  /** Client port, 0 when not known. */
  public int clientPort() {
    return clientPort;
  }

  /** Server port, 0 when not known. */
  public int serverPort() {
    return serverPort;
  }

  /** True when this end accepted the connection or is a listening socket. */
  public boolean isServerRole() {
    return (role & ROLE_SERVER) != 0;
  }

  /** True when this end initiated the connection. */
  public boolean isClientRole() {
    return (role & ROLE_CLIENT) != 0;
  }

  /** True when the socket's role is known (it connected, accepted, listens or sent a datagram). */
  public boolean hasRole() {
    return role != 0;
  }

  /** True when a socket has both ends known (connected, accepted, or a datagram peer seen). */
  public boolean isConnected() {
    return tupleKnown;
  }

  /** True once an inet socket's addresses and ports are known. */
  public boolean isTupleKnown() {
    return tupleKnown;
  }

  /**
   * The {@link SystemState#eventsApplied()} count at which the name last changed; equal to the
   * current count when the current event changed it.
   */
  public long nameChangedAt() {
    return nameChangedAt;
  }

  /** Kernel address of the source end of a unix socket. */
  public long unixSource() {
    return unixSource;
  }

  /** Kernel address of the peer end of a unix socket. */
  public long unixDest() {
    return unixDest;
  }

  /** True when the current event changed this fd's name (connect, bind, accept on an open fd). */
  public boolean nameChanged() {
    return nameChanged;
  }

  /** True when this is the copy of an fd the current event closed. */
  public boolean isClosed() {
    return closed;
  }

  @Override
  public String toString() {
    return fd + "(<" + type.typeChar() + ">" + name + ")";
  }
}
