package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.BOOL;
import static dev.falco4j.dsl.compile.FieldType.FD;
import static dev.falco4j.dsl.compile.FieldType.IPADDR;
import static dev.falco4j.dsl.compile.FieldType.IPNET;
import static dev.falco4j.dsl.compile.FieldType.PORT;
import static dev.falco4j.dsl.compile.FieldType.STRING;
import static dev.falco4j.dsl.compile.FieldType.UINT32;
import static dev.falco4j.dsl.compile.FieldType.UINT64;

import dev.falco4j.core.state.FdInfo;
import dev.falco4j.core.state.FdTable;
import dev.falco4j.core.state.FdType;
import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code fd.*}: the file descriptor the event is about (the one it reads, writes, creates or
 * closes): its kind, name, path parts, and for sockets the addresses and ports seen from both
 * sides. "Client/server" are the connecting and accepting ends; "local/remote" are from the point
 * of view of the process that generated the event.
 */
public final class FdFields extends FieldFamily {

  static final int NUM = 0, TYPE = 1, TYPECHAR = 2, NAME = 3, DIRECTORY = 4, FILENAME = 5,
      IP = 6, CIP = 7, SIP = 8, LIP = 9, RIP = 10, PORT_ = 11, CPORT = 12, SPORT = 13, LPORT = 14,
      RPORT = 15, L4PROTO = 16, SOCKFAMILY = 17, IS_SERVER = 18, UID = 19, CONTAINERNAME = 20,
      CONTAINERDIRECTORY = 21, NET = 22, CNET = 23, SNET = 24, LNET = 25, RNET = 26,
      CONNECTED = 27, NAME_CHANGED = 28, CIP_NAME = 29, SIP_NAME = 30, LIP_NAME = 31,
      RIP_NAME = 32, DEV = 33, DEV_MAJOR = 34, DEV_MINOR = 35, INO = 36, NAMERAW = 37,
      TYPES = 38, IS_UPPER = 39, IS_LOWER = 40;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("fd.num", FD, ArgMode.NONE, "the fd number the event is about.", NUM),
      new FieldDef("fd.type", STRING, ArgMode.NONE, "what the fd is: file, directory, ipv4, ipv6, unix, pipe, event, signalfd, eventpoll, inotify, timerfd, netlink, bpf, userfaultfd, io_uring, memfd, pidfd.", TYPE),
      new FieldDef("fd.typechar", STRING, ArgMode.NONE, "one letter for the fd type: f file, d directory, 4 ipv4, 6 ipv6, u unix, p pipe, e event, s signalfd, l eventpoll, i inotify, t timerfd, n netlink, b bpf, r io_uring, m memfd, P pidfd, o other.", TYPECHAR),
      new FieldDef("fd.name", STRING, ArgMode.NONE, "the fd's full name: the absolute path of a file, the client->server tuple of a connected socket, the path of a unix socket.", NAME),
      new FieldDef("fd.directory", STRING, ArgMode.NONE, "for files, the directory that contains the file; for directories, the directory itself.", DIRECTORY),
      new FieldDef("fd.filename", STRING, ArgMode.NONE, "for files, the file name without its directory.", FILENAME),
      new FieldDef("fd.ip", IPADDR, ArgMode.NONE, "matches either address of an inet socket (client or server); for conditions.", IP),
      new FieldDef("fd.cip", IPADDR, ArgMode.NONE, "client (connecting side) address of an inet socket.", CIP),
      new FieldDef("fd.sip", IPADDR, ArgMode.NONE, "server (accepting side) address of an inet socket.", SIP),
      new FieldDef("fd.lip", IPADDR, ArgMode.NONE, "local address of an inet socket, from the point of view of the process.", LIP),
      new FieldDef("fd.rip", IPADDR, ArgMode.NONE, "remote address of an inet socket, from the point of view of the process.", RIP),
      new FieldDef("fd.port", PORT, ArgMode.NONE, "matches either port of an inet socket (client or server); for conditions.", PORT_),
      new FieldDef("fd.cport", PORT, ArgMode.NONE, "client port of an inet socket.", CPORT),
      new FieldDef("fd.sport", PORT, ArgMode.NONE, "server port of an inet socket.", SPORT),
      new FieldDef("fd.lport", PORT, ArgMode.NONE, "local port of an inet socket.", LPORT),
      new FieldDef("fd.rport", PORT, ArgMode.NONE, "remote port of an inet socket.", RPORT),
      new FieldDef("fd.l4proto", STRING, ArgMode.NONE, "transport protocol of a socket: tcp, udp, icmp or raw.", L4PROTO),
      new FieldDef("fd.sockfamily", STRING, ArgMode.NONE, "socket family: ip for inet sockets, unix for unix sockets.", SOCKFAMILY),
      new FieldDef("fd.is_server", BOOL, ArgMode.NONE, "true when the process is the server end of the socket (it accepted or listens).", IS_SERVER),
      new FieldDef("fd.uid", STRING, ArgMode.NONE, "an identifier of the fd unique on the host: the thread id followed by the fd number.", UID),
      new FieldDef("fd.containername", STRING, ArgMode.NONE, "container id and fd name joined by a colon.", CONTAINERNAME),
      new FieldDef("fd.containerdirectory", STRING, ArgMode.NONE, "container id and fd directory joined by a colon.", CONTAINERDIRECTORY),
      new FieldDef("fd.net", IPNET, ArgMode.NONE, "matches either address of an inet socket against a network (fd.net = 10.0.0.0/8); for conditions.", NET),
      new FieldDef("fd.cnet", IPNET, ArgMode.NONE, "client address, compared with networks.", CNET),
      new FieldDef("fd.snet", IPNET, ArgMode.NONE, "server address, compared with networks.", SNET),
      new FieldDef("fd.lnet", IPNET, ArgMode.NONE, "local address, compared with networks.", LNET),
      new FieldDef("fd.rnet", IPNET, ArgMode.NONE, "remote address, compared with networks.", RNET),
      new FieldDef("fd.connected", BOOL, ArgMode.NONE, "true when the socket is connected (both ends known).", CONNECTED),
      new FieldDef("fd.name_changed", BOOL, ArgMode.NONE, "true when this event changed the fd's name (a connect, bind or the first datagram of an unconnected socket).", NAME_CHANGED),
      new FieldDef("fd.cip.name", STRING, ArgMode.NONE, "domain name of the client address, when a DNS observer resolved it; empty otherwise.", CIP_NAME),
      new FieldDef("fd.sip.name", STRING, ArgMode.NONE, "domain name of the server address, when a DNS observer resolved it; empty otherwise.", SIP_NAME),
      new FieldDef("fd.lip.name", STRING, ArgMode.NONE, "domain name of the local address, when resolved; empty otherwise.", LIP_NAME),
      new FieldDef("fd.rip.name", STRING, ArgMode.NONE, "domain name of the remote address, when resolved; empty otherwise.", RIP_NAME),
      new FieldDef("fd.dev", UINT32, ArgMode.NONE, "device number of the file system the file lives on.", DEV),
      new FieldDef("fd.dev.major", UINT32, ArgMode.NONE, "major part of fd.dev.", DEV_MAJOR),
      new FieldDef("fd.dev.minor", UINT32, ArgMode.NONE, "minor part of fd.dev.", DEV_MINOR),
      new FieldDef("fd.ino", UINT64, ArgMode.NONE, "inode number of the file.", INO),
      new FieldDef("fd.nameraw", STRING, ArgMode.NONE, "the path exactly as the syscall received it, before it was made absolute.", NAMERAW),
      new FieldDef("fd.types", STRING, ArgMode.OPTIONAL_INDEX, "fd types of the process: with an fd number in brackets the type of that fd; without, the list of the types of all its open fds.", TYPES),
      new FieldDef("fd.is_upper_layer", BOOL, ArgMode.NONE, "true when the file was opened from the upper layer of an overlay filesystem.", IS_UPPER),
      new FieldDef("fd.is_lower_layer", BOOL, ArgMode.NONE, "true when the file was opened from a lower layer of an overlay filesystem.", IS_LOWER));

  private static final int FD_UPPER_LAYER = 0x8000;
  private static final int FD_LOWER_LAYER = 0x10000;

  /** Creates the family. */
  public FdFields() {}

  @Override
  public String name() {
    return "fd";
  }

  @Override
  public String description() {
    return "The file descriptor the event is about: files, directories, sockets, pipes and"
        + " special fds.";
  }

  @Override
  public List<FieldDef> fields() {
    return DEFS;
  }

  @Override
  protected FieldAccessor accessor(FieldDef def, String key, int index, boolean list) {
    boolean multi = list || def.id() == IP || def.id() == PORT_ || def.id() == NET;
    return new Accessor(def, index, multi);
  }

  private static final class Accessor extends FieldAccessor {
    private final int id;
    private final int index;
    private final Utf8Slot text = new Utf8Slot();
    private final byte[] ip = new byte[16];
    private final StringBuilder sb = new StringBuilder();
    private FdInfo derivedFd;
    private String derivedName;
    private String derivedText;
    private long uidTid = Long.MIN_VALUE;
    private long uidFd;
    private String uidText;
    private String joinedCid;
    private String joinedWhat;
    private String joinedText;

    Accessor(FieldDef def, int index, boolean multi) {
      super(def, multi);
      this.id = def.id();
      this.index = index;
    }

    @Override
    public boolean extract(EvalContext ctx, FieldValue out) {
      if (isMultiValued()) {
        return count(ctx) > 0 && extractAt(ctx, 0, out);
      }
      if (id == NUM) {
        if (!ctx.state().isFdEvent()) {
          return false;
        }
        out.setLong(ctx.state().currentFdNum());
        return true;
      }
      if (id == TYPES) {
        return typeOfFd(ctx, index, out);
      }
      FdInfo fd = ctx.fd();
      if (fd == null) {
        return nullFd(ctx, out);
      }
      FdType type = fd.type();
      switch (id) {
        case TYPE: text.set(type.typeName(), out); return true;
        case TYPECHAR: text.set(typeCharString(type), out); return true;
        case NAME: text.set(fd.name(), out); return true;
        case NAMERAW: text.set(fd.nameRaw(), out); return true;
        case DIRECTORY: return directory(fd, out);
        case FILENAME: return filename(fd, out);
        case CIP: case CNET: return tuple(fd) && ipOf(fd, true, out);
        case SIP: case SNET: return tuple(fd) && ipOf(fd, false, out);
        // Local/remote follow the socket's role: the connecting side is local for a client.
        case LIP: case LNET: return tuple(fd) && ipOf(fd, !fd.isServerRole(), out);
        case RIP: case RNET: return tuple(fd) && ipOf(fd, fd.isServerRole(), out);
        case CPORT: return tuple(fd) && port(fd.clientPort(), out);
        case SPORT: return tuple(fd) && port(fd.serverPort(), out);
        case LPORT: return tuple(fd) && port(fd.isServerRole() ? fd.serverPort() : fd.clientPort(), out);
        case RPORT: return tuple(fd) && port(fd.isServerRole() ? fd.clientPort() : fd.serverPort(), out);
        case L4PROTO: return l4proto(fd, out);
        case SOCKFAMILY:
          if (type.isInet()) {
            text.set("ip", out);
            return true;
          }
          if (type == FdType.UNIX_SOCK) {
            text.set("unix", out);
            return true;
          }
          return false;
        case IS_SERVER: out.setBoolean(type.isInet() && isServer(ctx, fd)); return true;
        case CONNECTED: out.setBoolean(fd.isConnected()); return true;
        case NAME_CHANGED: out.setBoolean(fd.nameChangedAt() == ctx.state().eventsApplied()); return true;
        case UID: return uid(ctx, fd, out);
        case CONTAINERNAME: return containerJoined(ctx, fd.name(), out);
        case CONTAINERDIRECTORY: {
          String dir = dirOf(fd);
          return dir != null && containerJoined(ctx, dir, out);
        }
        case CIP_NAME: case SIP_NAME: case LIP_NAME: case RIP_NAME: return false;
        case DEV: out.setLong(Integer.toUnsignedLong(fd.dev())); return true;
        case DEV_MAJOR: if (!type.isFile()) { return false; } out.setLong((fd.dev() & 0xFFF00) >>> 8); return true;
        case DEV_MINOR: if (!type.isFile()) { return false; } out.setLong((fd.dev() & 0xFF) | ((fd.dev() >>> 12) & 0xFFF00)); return true;
        case INO: out.setLong(fd.ino()); return true;
        case IS_UPPER: out.setBoolean((fd.openFlags() & FD_UPPER_LAYER) != 0); return type.isFile();
        case IS_LOWER: out.setBoolean((fd.openFlags() & FD_LOWER_LAYER) != 0); return type.isFile();
        default: return false;
      }
    }

    private static boolean tuple(FdInfo fd) {
      return fd.type().isInet() && fd.isTupleKnown();
    }

    /**
     * Whether the process is the server end: as libsinsp decides it, the server address is one of
     * this host's addresses.
     */
    private static boolean isServer(EvalContext ctx, FdInfo fd) {
      FdType t = fd.type();
      if (t == FdType.IPV4_SOCK || t == FdType.IPV4_SERVSOCK) {
        return ctx.state().isLocalIpv4(fd.serverIp4());
      }
      return ctx.state().isLocalIpv6(fd.serverIp6());
    }

    /**
     * Values for an event about an fd the table does not have: on the enter event of an
     * fd-creating syscall libsinsp still shows fd.num -1, the kind of fd to come and fd.uid.
     */
    private boolean nullFd(EvalContext ctx, FieldValue out) {
      if (!ctx.state().isFdEvent()) {
        return false;
      }
      ThreadInfo t = ctx.thread();
      long num = ctx.state().currentFdNum();
      dev.falco4j.core.event.EventView ev = ctx.event();
      boolean creating = ev.info() != null
          && ev.info().hasFlag(dev.falco4j.core.event.EventFlags.CREATES_FD);
      String failed = ctx.state().failedOpenPath();
      switch (id) {
        case TYPECHAR: {
          // The kind of fd a creating syscall makes; "o" for an fd the table does not know.
          char c = creating ? creatingTypeChar(ev) : 'o';
          if (c == 0) {
            return false;
          }
          text.set(String.valueOf(c), out);
          return true;
        }
        case UID:
          if (t == null) {
            return false;
          }
          if (t.tid() != uidTid || uidFd != num) {
            uidTid = t.tid();
            uidFd = num;
            uidText = Long.toString(uidTid) + num;
          }
          text.set(uidText, out);
          return true;
        case NAME:
          // A failed open still names the path it tried; on exit events an fd the table does
          // not know shows an empty name (libsinsp's "null fd" values).
          if (failed != null) {
            text.set(failed, out);
            return true;
          }
          if (!ev.isEnter() && !creating) {
            text.set("", out);
            return true;
          }
          return false;
        case NAMERAW:
          if (ctx.state().failedOpenRawPath() == null) {
            return false;
          }
          text.set(ctx.state().failedOpenRawPath(), out);
          return true;
        case DIRECTORY: case CONTAINERDIRECTORY: {
          String dir = null;
          if (failed != null) {
            int slash = failed.lastIndexOf('/');
            dir = slash > 0 ? failed.substring(0, slash) : "/";
          } else if (!ev.isEnter() && !creating) {
            dir = "/";
          }
          if (dir == null) {
            return false;
          }
          if (id == DIRECTORY) {
            text.set(dir, out);
            return true;
          }
          return containerJoined(ctx, dir, out);
        }
        case CONTAINERNAME:
          if (failed != null) {
            return containerJoined(ctx, failed, out);
          }
          return !ev.isEnter() && !creating && containerJoined(ctx, "", out);
        default:
          return false;
      }
    }

    private static char creatingTypeChar(dev.falco4j.core.event.EventView ev) {
      if (ev.info() == null) {
        return 0;
      }
      switch (ev.info().name()) {
        case "open": case "openat": case "openat2": case "creat": case "open_by_handle_at":
          return 'f';
        case "socket": case "socketpair": case "accept": case "accept4":
          return '4';
        case "pipe": case "pipe2": return 'p';
        case "eventfd": case "eventfd2": return 'e';
        case "signalfd": case "signalfd4": return 's';
        case "timerfd_create": return 't';
        case "inotify_init": case "inotify_init1": return 'i';
        default: return 0;
      }
    }

    private static String typeCharString(FdType type) {
      return CHARS[type.ordinal()];
    }

    private static final String[] CHARS = new String[FdType.values().length];

    static {
      for (FdType t : FdType.values()) {
        CHARS[t.ordinal()] = String.valueOf(t.typeChar());
      }
    }

    private static boolean port(int p, FieldValue out) {
      out.setLong(p);
      return true;
    }

    private boolean ipOf(FdInfo fd, boolean client, FieldValue out) {
      FdType t = fd.type();
      if (t == FdType.IPV4_SOCK || t == FdType.IPV4_SERVSOCK) {
        int v = client ? fd.clientIp4() : fd.serverIp4();
        ip[0] = (byte) (v >>> 24);
        ip[1] = (byte) (v >>> 16);
        ip[2] = (byte) (v >>> 8);
        ip[3] = (byte) v;
        out.setBytes(ip, 0, 4);
        return true;
      }
      byte[] a = client ? fd.clientIp6() : fd.serverIp6();
      if (a == null) {
        return false;
      }
      out.setBytes(a, 0, 16);
      return true;
    }

    private boolean l4proto(FdInfo fd, FieldValue out) {
      String s;
      switch (fd.l4proto()) {
        case FdInfo.L4_TCP: s = "tcp"; break;
        case FdInfo.L4_UDP: s = "udp"; break;
        case FdInfo.L4_ICMP: s = "icmp"; break;
        case FdInfo.L4_RAW: s = "raw"; break;
        default: return false;
      }
      text.set(s, out);
      return true;
    }

    /** The directory part, cached per fd object and name. */
    private String dirOf(FdInfo fd) {
      if (fd.type() == FdType.DIRECTORY) {
        return fd.name();
      }
      if (!fd.type().isFile()) {
        return null;
      }
      derive(fd);
      return derivedText;
    }

    private void derive(FdInfo fd) {
      if (fd == derivedFd && fd.name() == derivedName) {
        return;
      }
      derivedFd = fd;
      derivedName = fd.name();
      String n = fd.name();
      int slash = n.lastIndexOf('/');
      if (id == FILENAME) {
        derivedText = slash >= 0 ? n.substring(slash + 1) : n;
      } else {
        derivedText = slash > 0 ? n.substring(0, slash) : "/";
      }
    }

    private boolean directory(FdInfo fd, FieldValue out) {
      String d = dirOf(fd);
      if (d == null) {
        return false;
      }
      text.set(d, out);
      return true;
    }

    private boolean filename(FdInfo fd, FieldValue out) {
      if (fd.type() != FdType.FILE && fd.type() != FdType.FILE_V2) {
        return false;
      }
      derive(fd);
      text.set(derivedText, out);
      return true;
    }

    private boolean uid(EvalContext ctx, FdInfo fd, FieldValue out) {
      ThreadInfo t = ctx.thread();
      if (t == null) {
        return false;
      }
      if (t.tid() != uidTid || fd.fd() != uidFd) {
        uidTid = t.tid();
        uidFd = fd.fd();
        uidText = Long.toString(uidTid) + uidFd;
      }
      text.set(uidText, out);
      return true;
    }

    /** container id + ':' + text, rebuilt only when either string object changes. */
    private boolean containerJoined(EvalContext ctx, String what, FieldValue out) {
      ThreadInfo t = ctx.thread();
      if (t == null) {
        return false;
      }
      String cid = t.containerId();
      if (cid != joinedCid || what != joinedWhat) {
        joinedCid = cid;
        joinedWhat = what;
        sb.setLength(0);
        joinedText = sb.append(cid).append(':').append(what).toString();
      }
      text.set(joinedText, out);
      return true;
    }

    private boolean typeOfFd(EvalContext ctx, long fdNum, FieldValue out) {
      ThreadInfo t = ctx.thread();
      if (t == null) {
        return false;
      }
      FdInfo f = t.fds().get(fdNum);
      if (f == null) {
        return false;
      }
      text.set(f.type().typeName(), out);
      return true;
    }

    @Override
    protected void appendValue(FieldValue v, StringBuilder out) {
      if (id == DEV) {
        out.append(Long.toHexString(v.longValue()).toUpperCase(java.util.Locale.ROOT));
        return;
      }
      super.appendValue(v, out);
    }

    @Override
    public int count(EvalContext ctx) {
      if (!isMultiValued()) {
        return 0;
      }
      if (id == TYPES) {
        ThreadInfo t = ctx.thread();
        return t == null ? 0 : t.fds().size();
      }
      FdInfo fd = ctx.fd();
      return fd != null && fd.type().isInet() ? 2 : 0;
    }

    @Override
    public boolean extractAt(EvalContext ctx, int i, FieldValue out) {
      if (id == TYPES) {
        ThreadInfo t = ctx.thread();
        if (t == null) {
          return false;
        }
        FdTable table = t.fds();
        int seen = 0;
        for (int s = 0; s < table.slotCount(); s++) {
          FdInfo f = table.at(s);
          if (f != null && seen++ == i) {
            text.set(f.type().typeName(), out);
            return true;
          }
        }
        return false;
      }
      FdInfo fd = ctx.fd();
      if (fd == null || !fd.type().isInet()) {
        return false;
      }
      boolean client = i == 0;
      if (id == PORT_) {
        out.setLong(client ? fd.clientPort() : fd.serverPort());
        return true;
      }
      return ipOf(fd, client, out);
    }
  }
}
