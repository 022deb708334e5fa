package dev.falco4j.core.scap;

import dev.falco4j.core.event.spi.FdSnapshot;
import dev.falco4j.core.event.spi.FdType;
import dev.falco4j.core.event.spi.GroupSnapshot;
import dev.falco4j.core.event.spi.InterfaceSnapshot;
import dev.falco4j.core.event.spi.MachineInfo;
import dev.falco4j.core.event.spi.ThreadSnapshot;
import dev.falco4j.core.event.spi.UserSnapshot;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes the metadata blocks of a section (scap-format.md §3.1, §5-8): section header, machine
 * info, interface, user, process and fd lists, every version. Package-private.
 */
final class MetadataDecoder {

  /** Body size of the machine-info block. */
  static final int MI_BODY = 180;
  static final int SHB_MAGIC = 0x1A2B3C4D;

  private MetadataDecoder() {}

  /** Checks a section header body: magic, major version. Options are skipped. */
  static void sectionHeader(BodyCursor c) throws ScapFormatException {
    if (c.left() < 16) {
      throw c.error("expected a 16-byte section header body, found " + c.left() + " bytes");
    }
    int magic = c.i32("byte-order magic");
    if (magic != SHB_MAGIC) {
      if (magic == Integer.reverseBytes(SHB_MAGIC)) {
        throw c.error("big-endian section (byte-swapped magic 1a2b3c4d): only little-endian"
            + " captures exist and are supported");
      }
      throw c.error("expected byte-order magic 0x1a2b3c4d, found 0x" + Integer.toHexString(magic));
    }
    int major = c.u16("major version");
    c.u16("minor version");
    c.i64("section length");
    if (major > 1) {
      throw c.error("unsupported major version " + major + " (this reader knows version 1)");
    }
  }

  static MachineInfo machine(BodyCursor c) throws ScapFormatException {
    if (c.left() != MI_BODY) {
      throw c.error("expected a " + MI_BODY + "-byte machine info body, found " + c.left());
    }
    int cpus = c.i32("num_cpus");
    long mem = c.i64("memory");
    long maxPid = c.i64("max_pid");
    byte[] host = c.bytes(128, "hostname");
    int n = 0;
    while (n < host.length && host[n] != 0) {
      n++;
    }
    return new MachineInfo(cpus, mem, maxPid, new String(host, 0, n, StandardCharsets.UTF_8),
        c.i64("boot time"), c.i64("flags"), c.i64("reserved3"), c.i64("reserved4"));
  }

  static void processList(BodyCursor c, int ver, List<ThreadSnapshot> out)
      throws ScapFormatException {
    while (c.left() >= 4) {
      int start = c.pos;
      long entryLen = 0;
      if (ver >= 9) {
        entryLen = c.i32("process entry length") & 0xFFFFFFFFL;
        if (entryLen < 4 || entryLen > c.left() + 4L) {
          throw c.error("process entry length " + entryLen + " runs past the block ("
              + (c.left() + 4) + " bytes left)");
        }
      }
      int entryEnd = ver >= 9 ? start + (int) entryLen : c.end;
      int savedEnd = c.end;
      c.end = entryEnd;
      long tid = c.i64("tid");
      long pid = c.i64("pid");
      long ptid = c.i64("ptid");
      long sid = ver >= 6 ? c.i64("sid") : -1;
      long vpgid = ver >= 8 ? c.i64("vpgid") : -1;
      String comm = c.str16("comm");
      String exe = c.str16("exe");
      String exepath = ver >= 7 ? c.str16("exepath") : "";
      byte[] args = c.buf16("args");
      String cwd = c.str16("cwd");
      long fdlimit = c.i64("fdlimit");
      int flags = c.i32("flags");
      int uid = c.i32("uid");
      int gid = c.i32("gid");
      int vmsize = 0;
      int vmrss = 0;
      int vmswap = 0;
      long pfmajor = 0;
      long pfminor = 0;
      byte[] env = new byte[0];
      long vtid = -1;
      long vpid = -1;
      byte[] cgroups = new byte[0];
      String root = "";
      if (ver >= 2) {
        vmsize = c.i32("vmsize_kb");
        vmrss = c.i32("vmrss_kb");
        vmswap = c.i32("vmswap_kb");
        pfmajor = c.i64("pfmajor");
        pfminor = c.i64("pfminor");
        if (ver >= 3) {
          env = c.buf16("env");
        }
        if (ver >= 4) {
          vtid = c.i64("vtid");
          vpid = c.i64("vpid");
          cgroups = c.buf16("cgroups");
          if (ver >= 5) {
            root = c.str16("root");
          }
        }
      }
      long pidnsInit = 0;
      int tty = 0;
      int loginuid = -1;
      boolean exeWritable = false;
      long capI = 0;
      long capP = 0;
      long capE = 0;
      boolean upper = false;
      long ino = 0;
      long ctime = 0;
      long mtime = 0;
      boolean memfd = false;
      boolean lower = false;
      long pgid = -1;
      if (ver >= 9) {
        // writers before libs 0.10 appended loginuid.. directly after root: 29 bytes at most
        if (c.left() > 29) {
          if (c.left() >= 8) {
            pidnsInit = c.i64("pidns_init_start_ts");
          }
          if (c.left() >= 4) {
            tty = c.i32("tty");
          }
        }
        if (c.left() >= 4) {
          loginuid = c.i32("loginuid");
        }
        if (c.left() >= 1) {
          exeWritable = c.u8("exe_writable") != 0;
        }
        if (c.left() >= 8) {
          capI = c.i64("cap_inheritable");
        }
        if (c.left() >= 8) {
          capP = c.i64("cap_permitted");
        }
        if (c.left() >= 8) {
          capE = c.i64("cap_effective");
        }
        if (c.left() >= 1) {
          upper = c.u8("exe_upper_layer") != 0;
        }
        if (c.left() >= 8) {
          ino = c.i64("exe_ino");
        }
        if (c.left() >= 8) {
          ctime = c.i64("exe_ino_ctime");
        }
        if (c.left() >= 8) {
          mtime = c.i64("exe_ino_mtime");
        }
        if (c.left() >= 1) {
          memfd = c.u8("exe_from_memfd") != 0;
        }
        if (c.left() >= 1) {
          lower = c.u8("exe_lower_layer") != 0;
        }
        if (c.left() >= 8) {
          pgid = c.i64("pgid");
        }
        c.skipTo(entryEnd, "process entry");
      }
      c.end = savedEnd;
      out.add(new ThreadSnapshot(tid, pid, ptid, sid, vpgid, comm, exe, exepath, args, cwd,
          fdlimit, flags, uid, gid, vmsize, vmrss, vmswap, pfmajor, pfminor, env, vtid, vpid,
          cgroups, root, pidnsInit, tty, loginuid, exeWritable, capI, capP, capE, upper, ino,
          ctime, mtime, memfd, lower, pgid, ver));
    }
  }

  static void fdList(BodyCursor c, int ver, List<FdSnapshot> out) throws ScapFormatException {
    long tid = c.i64("fd list tid");
    while (c.left() >= 4) {
      int start = c.pos;
      int entryEnd = c.end;
      int savedEnd = c.end;
      if (ver >= 2) {
        long len = c.i32("fd entry length") & 0xFFFFFFFFL;
        if (len < 4 || len > c.left() + 4L) {
          throw c.error("fd entry length " + len + " runs past the block");
        }
        entryEnd = start + (int) len;
        c.end = entryEnd;
      }
      long fd = c.i64("fd");
      long ino = c.i64("ino");
      int raw = c.u8("fd type");
      FdType type = FdType.ofId(raw);
      String name = "";
      int openFlags = 0;
      int dev = 0;
      boolean devPresent = false;
      byte[] sip = null;
      byte[] dip = null;
      int sport = 0;
      int dport = 0;
      int l4 = 0;
      long us = 0;
      long ud = 0;
      if (type == null) {
        if (ver < 2) {
          throw c.error("unknown fd type " + raw + " in a v1 fd list (cannot be skipped)");
        }
        type = FdType.UNSUPPORTED;
      } else {
        switch (type) {
          case IPV4_SOCK:
            sip = c.bytes(4, "sip");
            dip = c.bytes(4, "dip");
            sport = c.u16("sport");
            dport = c.u16("dport");
            l4 = c.u8("l4proto");
            break;
          case IPV6_SOCK:
            sip = c.bytes(16, "sip");
            dip = c.bytes(16, "dip");
            sport = c.u16("sport");
            dport = c.u16("dport");
            l4 = c.u8("l4proto");
            break;
          case IPV4_SERVSOCK:
            sip = c.bytes(4, "ip");
            sport = c.u16("port");
            l4 = c.u8("l4proto");
            break;
          case IPV6_SERVSOCK:
            sip = c.bytes(16, "ip");
            sport = c.u16("port");
            l4 = c.u8("l4proto");
            break;
          case UNIX_SOCK:
            us = c.i64("unix source");
            ud = c.i64("unix dest");
            name = c.str16("name");
            break;
          case FILE_V2:
            openFlags = c.i32("open flags");
            name = c.str16("name");
            if (ver >= 2 && c.left() >= 4) {
              dev = c.i32("dev");
              devPresent = true;
            }
            break;
          case UNKNOWN:
            break;
          default:
            name = c.str16("name");
        }
      }
      if (ver >= 2) {
        c.skipTo(entryEnd, "fd entry");
        c.end = savedEnd;
      }
      out.add(new FdSnapshot(tid, fd, ino, type, raw, name, openFlags, dev, sip, dip, sport,
          dport, l4, us, ud, devPresent));
    }
  }

  static void interfaces(BodyCursor c, int ver, List<InterfaceSnapshot> out)
      throws ScapFormatException {
    while (c.left() >= 4) {
      int entryEnd = -1;
      if (ver >= 2) {
        long len = c.i32("interface entry length") & 0xFFFFFFFFL; // excludes itself
        if (len > c.left()) {
          throw c.error("interface entry length " + len + " runs past the block");
        }
        entryEnd = c.pos + (int) len;
      }
      int type = c.u16("interface type");
      int nameLen = c.u16("interface name length");
      if (nameLen >= 1024) {
        throw c.error("interface name length " + nameLen + " exceeds 1023");
      }
      int size;
      boolean speed;
      if (type == 1 || type == 3) {
        size = 4;
        speed = type == 1;
      } else if (type == 2 || type == 4) {
        size = 16;
        speed = type == 2;
      } else {
        throw c.error("unknown interface entry type " + type + " (expected 1-4)");
      }
      byte[] addr = c.bytes(size, "address");
      byte[] mask = c.bytes(size, "netmask");
      byte[] bcast = c.bytes(size, "broadcast");
      long linkSpeed = speed ? c.i64("link speed") : 0;
      byte[] name = c.bytes(nameLen, "interface name");
      int n = 0;
      while (n < name.length && name[n] != 0) {
        n++;
      }
      if (entryEnd >= 0) {
        c.skipTo(entryEnd, "interface entry");
      }
      out.add(new InterfaceSnapshot(type, new String(name, 0, n, StandardCharsets.UTF_8), addr,
          mask, bcast, linkSpeed));
    }
  }

  static void users(BodyCursor c, int ver, List<UserSnapshot> users, List<GroupSnapshot> groups)
      throws ScapFormatException {
    while (c.left() >= 4) {
      int start = c.pos;
      int entryEnd = -1;
      int savedEnd = c.end;
      if (ver >= 2) {
        long len = c.i32("user entry length") & 0xFFFFFFFFL; // includes itself
        if (len < 4 || len > c.left() + 4L) {
          throw c.error("user entry length " + len + " runs past the block");
        }
        entryEnd = start + (int) len;
        c.end = entryEnd;
      }
      int kind = c.u8("user entry kind");
      if (kind == 0) {
        int uid = c.i32("uid");
        int gid = c.i32("gid");
        users.add(new UserSnapshot(uid, gid, c.str16("user name"), c.str16("home"),
            c.str16("shell")));
      } else {
        int gid = c.i32("gid");
        groups.add(new GroupSnapshot(gid, c.str16("group name")));
      }
      if (entryEnd >= 0) {
        c.skipTo(entryEnd, "user entry");
        c.end = savedEnd;
      }
    }
  }
}
