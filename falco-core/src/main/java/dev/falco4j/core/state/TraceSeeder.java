package dev.falco4j.core.state;

import dev.falco4j.core.event.spi.FdSnapshot;
import dev.falco4j.core.event.spi.GroupSnapshot;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.MachineInfo;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import dev.falco4j.core.event.spi.UserSnapshot;

/**
 * Loads the initial state an event source recorded before its first event (a trace's machine,
 * process-list, fd-list and user-list blocks) into a {@link SystemState}. Called when a source opens
 * and again at each new section of a concatenated trace, which starts from a clean state as libsinsp
 * does.
 */
public final class TraceSeeder {

  private final StringBuilder scratch = new StringBuilder(64);

  /** Creates a seeder. */
  public TraceSeeder() {}

  /** Replaces the state's content with the given initial state. */
  public void load(InitialState initial, SystemState state) {
    state.clear();
    MachineInfo machine = initial.machine();
    if (machine != null) {
      state.setHostname(machine.hostname());
      state.setBootTimeNs(machine.bootTime());
    }
    for (UserSnapshot u : initial.users()) {
      state.users().addUser(new UserInfo(u.uid(), u.gid(), nz(u.name()), nz(u.home()),
          nz(u.shell())));
    }
    for (GroupSnapshot g : initial.groups()) {
      state.users().addGroup(new GroupInfo(g.gid(), nz(g.name())));
    }
    java.util.List<Integer> v4 = new java.util.ArrayList<>();
    java.util.List<byte[]> v6 = new java.util.ArrayList<>();
    for (var itf : initial.interfaces()) {
      byte[] a = itf.address();
      if (a == null) {
        continue;
      }
      if (itf.isIpv6() && a.length == 16) {
        v6.add(a.clone());
      } else if (a.length >= 4) {
        v4.add(ipv4(a));
      }
    }
    state.setInterfaces(v4.stream().mapToInt(Integer::intValue).toArray(),
        v6.toArray(new byte[0][]));
    for (ThreadSnapshot s : initial.threads()) {
      state.addSeededThread(thread(state, s));
    }
    for (FdSnapshot f : initial.fds()) {
      ThreadInfo t = state.threads().get(f.tid());
      if (t == null) {
        continue; // libscap drops fds of threads that are not in the process list
      }
      FdInfo info = state.fdPool().acquire(f.fd(), FdType.ofScapCode(f.rawType()));
      fill(info, f);
      FdInfo old = t.fds.put(info);
      if (old == info) {
        state.fdPool().release(info);
        state.countFdDrop();
      } else if (old != null) {
        state.fdPool().release(old);
      }
    }
    state.finishSeeding();
  }

  private static ThreadInfo thread(SystemState state, ThreadSnapshot s) {
    ThreadInfo t = state.threads().newThread(s.tid());
    t.pid = s.pid();
    t.ptid = s.ptid();
    t.sid = s.sid();
    t.vpgid = s.vpgid();
    t.pgid = s.pgid();
    t.vtid = s.vtid();
    t.vpid = s.vpid();
    t.comm = nz(s.comm());
    t.exe = nz(s.exe());
    t.exePath = nz(s.exepath());
    t.argv = list(s.args());
    t.env = NulList.splitTrimTrailing(s.env());
    t.cgroups = CgroupNames.normalise(list(s.cgroups()));
    t.cwd = PathResolver.asDirectory(nz(s.cwd()));
    t.root = s.root() == null || s.root().isEmpty() ? "/" : s.root();
    t.fdLimit = s.fdlimit();
    t.cloneFlags = s.flags();
    t.uid = s.uid();
    t.gid = s.gid();
    t.loginUid = s.loginuid();
    t.tty = s.tty();
    t.capInheritable = s.capInheritable();
    t.capPermitted = s.capPermitted();
    t.capEffective = s.capEffective();
    t.vmSizeKb = Integer.toUnsignedLong(s.vmsizeKb());
    t.vmRssKb = Integer.toUnsignedLong(s.vmrssKb());
    t.vmSwapKb = Integer.toUnsignedLong(s.vmswapKb());
    t.pfMajor = s.pfmajor();
    t.pfMinor = s.pfminor();
    t.exeWritable = s.exeWritable();
    t.exeUpperLayer = s.exeUpperLayer();
    t.exeLowerLayer = s.exeLowerLayer();
    t.exeFromMemfd = s.exeFromMemfd();
    t.exeIno = s.exeIno();
    t.exeInoCtime = s.exeInoCtime();
    t.exeInoMtime = s.exeInoMtime();
    t.pidnsInitStartTs = s.pidnsInitStart();
    return t;
  }

  private void fill(FdInfo info, FdSnapshot f) {
    info.ino = f.ino();
    info.openFlags = f.openFlags();
    info.dev = f.dev();
    info.l4proto = f.l4proto();
    info.unixSource = f.unixSource();
    info.unixDest = f.unixDest();
    byte[] src = f.sourceIp();
    byte[] dst = f.destIp();
    switch (info.type) {
      case IPV4_SOCK:
        info.clientIp4 = ipv4(src);
        info.serverIp4 = ipv4(dst);
        info.clientPort = f.sourcePort();
        info.serverPort = f.destPort();
        info.role = FdInfo.ROLE_CLIENT;
        info.tupleKnown = true;
        info.name = SocketNames.tupleName(info, scratch);
        break;
      case IPV6_SOCK:
        info.ensureIp6();
        copy16(src, info.clientIp6);
        copy16(dst, info.serverIp6);
        info.clientPort = f.sourcePort();
        info.serverPort = f.destPort();
        info.role = FdInfo.ROLE_CLIENT;
        info.tupleKnown = true;
        if (SocketNames.isV4Mapped(info.clientIp6) && SocketNames.isV4Mapped(info.serverIp6)) {
          info.type = FdType.IPV4_SOCK;
          info.clientIp4 = SocketNames.mappedIpv4(info.clientIp6);
          info.serverIp4 = SocketNames.mappedIpv4(info.serverIp6);
        }
        info.name = SocketNames.tupleName(info, scratch);
        break;
      case IPV4_SERVSOCK:
        info.serverIp4 = ipv4(src);
        info.serverPort = f.sourcePort();
        info.role = FdInfo.ROLE_SERVER;
        info.name = SocketNames.serverName(info, scratch);
        break;
      case IPV6_SERVSOCK:
        info.ensureIp6();
        copy16(src, info.serverIp6);
        info.serverPort = f.sourcePort();
        info.role = FdInfo.ROLE_SERVER;
        info.name = SocketNames.serverName(info, scratch);
        break;
      default:
        info.name = nz(f.name());
        break;
    }
    if (info.type == FdType.FILE_V2) {
      info.type = FdType.FILE;
    }
  }

  private static int ipv4(byte[] a) {
    if (a == null || a.length < 4) {
      return 0;
    }
    return ((a[0] & 0xFF) << 24) | ((a[1] & 0xFF) << 16) | ((a[2] & 0xFF) << 8) | (a[3] & 0xFF);
  }

  private static void copy16(byte[] from, byte[] to) {
    if (from != null && from.length >= 16) {
      System.arraycopy(from, 0, to, 0, 16);
    }
  }

  private static String[] list(byte[] nulSeparated) {
    return nulSeparated == null ? new String[0] : NulList.split(nulSeparated, 0,
        nulSeparated.length);
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
