package dev.falco4j.core.field;

import dev.falco4j.core.event.EventFormatter;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.ParamInfo;
import dev.falco4j.core.event.ParamType;
import dev.falco4j.core.state.FdInfo;
import dev.falco4j.core.state.GroupInfo;
import dev.falco4j.core.state.PathResolver;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.core.state.UserInfo;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders event arguments as sysdig shows them in {@code evt.args}, {@code evt.info} and
 * {@code evt.arg.NAME}: the decoding of {@link EventFormatter} plus what needs the state: the fd
 * after an fd number ({@code 3(<f>/etc/passwd)}, sockets with their protocol letter
 * {@code 4(<4t>10.0.0.1:40000->10.0.0.2:80)}), the process name after a pid ({@code 1234(bash)}),
 * the absolute path after a relative one, and fd-type letters in fd lists. For output and display,
 * not the condition path (it appends to a caller's builder).
 */
final class ArgRenderer {
  /** Linux's AT_FDCWD: the dirfd value that means the current working directory. */
  private static final long AT_FDCWD = -100;


  private final SystemState state;
  private final PathResolver paths = new PathResolver();
  private EventFormatter formatter;
  private int formatterUsers = -1;
  private int formatterGroups = -1;

  ArgRenderer(SystemState state) {
    this.state = state;
  }

  boolean rendersFor(SystemState s) {
    return s == state;
  }

  private EventFormatter formatter() {
    int u = state.users().userCount();
    int g = state.users().groupCount();
    if (formatter == null || u != formatterUsers || g != formatterGroups) {
      formatter = new EventFormatter(userNames(), groupNames(), EventFormatter.DEFAULT_BUFFER_LIMIT);
      formatterUsers = u;
      formatterGroups = g;
    }
    return formatter;
  }

  private Map<Integer, String> userNames() {
    Map<Integer, String> m = new HashMap<>();
    for (UserInfo u : state.users().allUsers()) {
      m.put(u.uid(), u.name());
    }
    return m;
  }

  private Map<Integer, String> groupNames() {
    Map<Integer, String> m = new HashMap<>();
    for (GroupInfo g : state.users().allGroups()) {
      m.put(g.gid(), g.name());
    }
    return m;
  }

  /** The name sysdig shows as {@code evt.type} (generic events: the syscall name). */
  String typeName(EventView ev) {
    return formatter().typeName(ev);
  }

  /** Appends every {@code name=value} pair, each followed by a space, as sysdig prints them. */
  void appendArgs(EventView ev, StringBuilder out) {
    if (EventFormatter.isGeneric(ev)) {
      return;
    }
    for (int i = 0; i < ev.paramCount(); i++) {
      ParamInfo p = ev.paramInfo(i);
      out.append(p == null ? "param" + i : p.name()).append('=');
      appendValue(ev, i, out);
      out.append(' ');
    }
  }

  private final StringBuilder resolvedScratch = new StringBuilder(64);

  /**
   * Appends what sysdig shows for {@code evt.arg.NAME}: the resolved part of a value when it has
   * one ({@code ENOENT} for {@code -2(ENOENT)}, {@code <f>/etc/passwd} for an fd, flag names),
   * else the value.
   */
  void appendResolvedValue(EventView ev, int index, StringBuilder out) {
    StringBuilder s = resolvedScratch;
    s.setLength(0);
    appendValue(ev, index, s);
    ParamType type = ev.paramType(index);
    boolean resolvable = type == ParamType.FD || type == ParamType.PID || type == ParamType.ERRNO
        || type.isBitFlags() || type.isEnumFlags() || type == ParamType.MODE
        || type == ParamType.UID || type == ParamType.GID || type == ParamType.SYSCALLID
        || type == ParamType.SIGTYPE || type == ParamType.FSPATH || type == ParamType.FSRELPATH;
    int open = s.indexOf("(");
    if (resolvable && open >= 0 && s.length() > 0 && s.charAt(s.length() - 1) == ')') {
      out.append(s, open + 1, s.length() - 1);
    } else {
      out.append(s);
    }
  }

  /** Appends the value of parameter {@code index} with its state annotation. */
  void appendValue(EventView ev, int index, StringBuilder out) {
    ParamType type = ev.paramType(index);
    if (type == ParamType.FDLIST && ev.paramLength(index) > 0) {
      appendFdList(ev, index, out);
      return;
    }
    formatter().appendValue(ev, index, out);
    if (ev.paramLength(index) == 0) {
      return;
    }
    ThreadInfo t = state.currentThread();
    switch (type) {
      case FD: {
        long fd = ev.paramAsLong(index, -1);
        if (fd == AT_FDCWD) {
          // a dirfd meaning "relative to the cwd" (openat, unlinkat...), as sysdig shows it
          out.append("(AT_FDCWD)");
          break;
        }
        if (fd < 0) {
          // A failed fd-returning syscall: the value is -errno.
          String n = ev.table().errnoName(-fd);
          if (n != null) {
            out.append('(').append(n).append(')');
          }
          break;
        }
        FdInfo info = fdFor(ev, t, fd);
        if (info != null) {
          appendFdAnnotation(info, out);
        }
        break;
      }
      case PID: {
        long pid = ev.paramAsLong(index, -1);
        ThreadInfo p = pid > 0 ? state.thread(pid) : null;
        if (p != null && !p.isPartial() && !p.comm().isEmpty()) {
          out.append('(').append(p.comm()).append(')');
        }
        break;
      }
      case FSPATH: case FSRELPATH: {
        String path = ev.paramAsString(index);
        if (!path.isEmpty() && path.charAt(0) != '/' && t != null) {
          out.append('(').append(resolveRelative(ev, index, t, path)).append(')');
        }
        break;
      }
      default:
        break;
    }
  }

  /** The fd an fd parameter names: the event's own fd (also a just-closed one) or a table entry. */
  private FdInfo fdFor(EventView ev, ThreadInfo t, long fd) {
    FdInfo cur = state.currentFd();
    if (cur != null && cur.fd() == fd) {
      return cur.isClosed() ? null : cur;
    }
    if (t == null || fd < 0) {
      return null;
    }
    return t.fds().get(fd);
  }

  private String resolveRelative(EventView ev, int index, ThreadInfo t, String path) {
    ParamInfo p = ev.paramInfo(index);
    if (p != null && p.type() == ParamType.FSRELPATH && p.dirfdIndex() >= 0
        && p.dirfdIndex() < ev.paramCount()) {
      long dirfd = ev.paramAsLong(p.dirfdIndex(), -100);
      if (dirfd != -100) {
        FdInfo dir = t.fds().get(dirfd);
        String base = dir == null ? "<UNKNOWN>/" : PathResolver.asDirectory(dir.name());
        return paths.resolve(base, path);
      }
    }
    return paths.resolve(t.cwd(), path);
  }

  static void appendFdAnnotation(FdInfo info, StringBuilder out) {
    out.append("(<").append(info.type().typeChar());
    if (info.type().isInet() && info.hasRole()) {
      char l4 = l4Char(info.l4proto());
      if (l4 != 0) {
        out.append(l4);
      }
    }
    out.append('>').append(info.name()).append(')');
  }

  private static char l4Char(int l4) {
    switch (l4) {
      case FdInfo.L4_TCP: return 't';
      case FdInfo.L4_UDP: return 'u';
      case FdInfo.L4_ICMP: return 'i';
      case FdInfo.L4_RAW: return 'r';
      default: return 0;
    }
  }

  private void appendFdList(EventView ev, int index, StringBuilder out) {
    ByteBuffer b = ev.buffer();
    int pos = ev.paramOffset(index);
    int len = ev.paramLength(index);
    int count = len >= 2 ? b.getShort(pos) & 0xFFFF : 0;
    ThreadInfo t = state.currentThread();
    for (int i = 0; i < count && 2 + 10 * (i + 1) <= len; i++) {
      if (i > 0) {
        out.append(' ');
      }
      long fd = b.getLong(pos + 2 + 10 * i);
      out.append(fd).append(':');
      FdInfo info = t == null ? null : t.fds().get(fd);
      if (info != null) {
        out.append(info.type().typeChar());
      }
      out.append(Integer.toHexString(b.getShort(pos + 10 + 10 * i) & 0xFFFF));
    }
  }
}
