package dev.falco4j.core.state;

import dev.falco4j.core.event.spi.FdSnapshot;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The inverse of {@link TraceSeeder}: the threads and open fds a {@link SystemState} holds, as the
 * {@link InitialState} a trace writer puts in its process-list and fd-list blocks. Used when
 * recording a live capture, whose source knows no processes: after the {@code /proc} scan the state
 * holds every running thread, and a trace that carries them lets any reader (Falco4J, sysdig) name
 * the processes and files of events from programs that were already running.
 *
 * <p>Threads are written in tid order; a thread that shares its process's fd table lists no fds
 * and is marked {@code CLONE_THREAD|CLONE_FILES}, as libscap's own {@code /proc} scan marks threads,
 * so readers give it the process's table. Allocates; call it once, not per event.
 */
public final class StateSnapshot {

  /** PPM_CL_CLONE_FILES and PPM_CL_CLONE_THREAD (flags-table.tsv, clone_flags). */
  private static final int CLONE_FILES = 0x1;
  private static final int CLONE_THREAD = 0x2000;

  private StateSnapshot() {}

  /**
   * The state's threads and fds with {@code base}'s machine, users, groups and interfaces.
   *
   * @param state the state after seeding (e.g. after {@link ProcScanner#scanInto})
   * @param base what the event source knows besides processes (its own threads and fds are
   *     replaced: the state already holds them)
   */
  public static InitialState of(SystemState state, InitialState base) {
    List<ThreadInfo> threads = new ArrayList<>();
    ThreadTable table = state.threads();
    for (int slot = 0; slot < table.slotCount(); slot++) {
      ThreadInfo t = table.at(slot);
      if (t != null && !t.dead) {
        threads.add(t);
      }
    }
    threads.sort((a, b) -> Long.compare(a.tid, b.tid));
    List<ThreadSnapshot> threadSnapshots = new ArrayList<>(threads.size());
    List<FdSnapshot> fds = new ArrayList<>();
    for (ThreadInfo t : threads) {
      boolean sharesTable = t.main != t && t.fds == t.main.fds;
      threadSnapshots.add(thread(t, sharesTable));
      if (sharesTable || t.fds == null) {
        continue;
      }
      for (int slot = 0; slot < t.fds.slotCount(); slot++) {
        FdInfo f = t.fds.at(slot);
        if (f != null && !f.closed && f.type != FdType.UNKNOWN) {
          fds.add(fd(t.tid, f));
        }
      }
    }
    return new InitialState(base.machine(), threadSnapshots, fds, base.users(), base.groups(),
        base.interfaces());
  }

  private static ThreadSnapshot thread(ThreadInfo t, boolean sharesTable) {
    int flags = t.cloneFlags | (sharesTable ? CLONE_THREAD | CLONE_FILES : 0);
    return new ThreadSnapshot(t.tid, t.pid, t.ptid, t.sid, t.vpgid, t.comm, t.exe, t.exePath,
        nulSeparated(t.argv), t.cwd, t.fdLimit, flags, t.uid, t.gid, (int) t.vmSizeKb,
        (int) t.vmRssKb, (int) t.vmSwapKb, t.pfMajor, t.pfMinor, nulSeparated(t.env), t.vtid,
        t.vpid, nulSeparated(t.cgroups), t.root, t.pidnsInitStartTs, t.tty, t.loginUid,
        t.exeWritable, t.capInheritable, t.capPermitted, t.capEffective, t.exeUpperLayer,
        t.exeIno, t.exeInoCtime, t.exeInoMtime, t.exeFromMemfd, t.exeLowerLayer, t.pgid, 9);
  }

  private static FdSnapshot fd(long tid, FdInfo f) {
    dev.falco4j.core.event.spi.FdType kind;
    byte[] source = null;
    byte[] dest = null;
    int sourcePort = 0;
    int destPort = 0;
    switch (f.type) {
      case IPV4_SOCK:
        kind = dev.falco4j.core.event.spi.FdType.IPV4_SOCK;
        source = ipv4(f.clientIp4);
        dest = ipv4(f.serverIp4);
        sourcePort = f.clientPort;
        destPort = f.serverPort;
        break;
      case IPV6_SOCK:
        kind = dev.falco4j.core.event.spi.FdType.IPV6_SOCK;
        source = f.clientIp6 == null ? new byte[16] : f.clientIp6.clone();
        dest = f.serverIp6 == null ? new byte[16] : f.serverIp6.clone();
        sourcePort = f.clientPort;
        destPort = f.serverPort;
        break;
      case IPV4_SERVSOCK:
        kind = dev.falco4j.core.event.spi.FdType.IPV4_SERVSOCK;
        source = ipv4(f.serverIp4);
        sourcePort = f.serverPort;
        break;
      case IPV6_SERVSOCK:
        kind = dev.falco4j.core.event.spi.FdType.IPV6_SERVSOCK;
        source = f.serverIp6 == null ? new byte[16] : f.serverIp6.clone();
        sourcePort = f.serverPort;
        break;
      case FILE:
      case FILE_V2:
        // FILE_V2 keeps the open flags and device when the state knows them
        kind = f.openFlags != 0 || f.dev != 0 ? dev.falco4j.core.event.spi.FdType.FILE_V2
            : dev.falco4j.core.event.spi.FdType.FILE;
        break;
      default:
        kind = dev.falco4j.core.event.spi.FdType.ofId(f.type.scapCode());
        if (kind == null) {
          kind = dev.falco4j.core.event.spi.FdType.UNSUPPORTED;
        }
    }
    boolean ip = source != null;
    return new FdSnapshot(tid, f.fd, f.ino, kind, kind.id(), ip ? "" : f.name, f.openFlags, f.dev,
        source, dest, sourcePort, destPort, f.l4proto, f.unixSource, f.unixDest,
        kind == dev.falco4j.core.event.spi.FdType.FILE_V2);
  }

  private static byte[] ipv4(int address) {
    return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8),
        (byte) address};
  }

  /** NUL-terminated entries back to back, as process-list blocks hold args, env and cgroups. */
  private static byte[] nulSeparated(String[] items) {
    if (items == null || items.length == 0) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String s : items) {
      byte[] b = s.getBytes(StandardCharsets.UTF_8);
      out.write(b, 0, b.length);
      out.write(0);
    }
    return out.toByteArray();
  }
}
