package dev.falco4j.core.state;

/**
 * Finds the container a thread runs in from its cgroup paths, as Falco's container engines do
 * without asking the runtime: Docker, containerd/CRI, CRI-O, Podman/libpod, LXC, libvirt-LXC,
 * systemd machines (systemd-nspawn) and Mesos, in cgroupfs and systemd cgroup-driver layouts, with
 * cgroup v1 ({@code subsys=path} per controller) or v2 (one unified path).
 *
 * <p>The innermost match wins (the last path component that names a container), so nested
 * containers (Docker in Docker) resolve to the inner one. Runtime helper processes ({@code conmon})
 * are not containers. Stateless and allocation-free except for the result.
 */
public final class CgroupContainerParser {

  /** Length of an OCI runtime container id. */
  public static final int FULL_ID_LENGTH = 64;
  /** Length of the id Falco reports. */
  public static final int SHORT_ID_LENGTH = 12;

  /** Creates a parser. */
  public CgroupContainerParser() {}

  /**
   * Looks at every cgroup of a thread ({@code subsys=path} entries, or bare paths) and returns the
   * first container found, or null for the host.
   */
  public ContainerRef parse(String[] cgroups) {
    for (String entry : cgroups) {
      int eq = entry.indexOf('=');
      ContainerRef ref = parsePath(eq >= 0 ? entry.substring(eq + 1) : entry);
      if (ref != null) {
        return ref;
      }
    }
    return null;
  }

  /** The container named by one cgroup path, or null. */
  public ContainerRef parsePath(String path) {
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') {
      end--;
    }
    // Walk components from the innermost outwards.
    while (end > 0) {
      int start = path.lastIndexOf('/', end - 1) + 1;
      String parent = parentComponent(path, start);
      ContainerRef ref = matchComponent(path.substring(start, end), parent, path);
      if (ref != null) {
        return ref;
      }
      end = start - 1;
      while (end > 0 && path.charAt(end - 1) == '/') {
        end--;
      }
    }
    return null;
  }

  private static String parentComponent(String path, int childStart) {
    int pend = childStart - 1;
    if (pend <= 0) {
      return "";
    }
    int pstart = path.lastIndexOf('/', pend - 1) + 1;
    return path.substring(pstart, pend);
  }

  private static ContainerRef matchComponent(String c, String parent, String whole) {
    String scopeless = c.endsWith(".scope") ? c.substring(0, c.length() - 6) : c;
    // systemd driver layouts: <runtime>-<id>.scope
    ContainerRef ref = prefixed(scopeless, "docker-", ContainerType.DOCKER);
    if (ref == null) {
      ref = prefixed(scopeless, "cri-containerd-", ContainerType.CONTAINERD);
    }
    if (ref == null && !scopeless.startsWith("crio-conmon-")) {
      ref = prefixed(scopeless, "crio-", ContainerType.CRIO);
    }
    if (ref == null && !scopeless.startsWith("libpod-conmon-")) {
      ref = prefixed(scopeless, "libpod-", ContainerType.PODMAN);
    }
    if (ref == null) {
      // containerd's own systemd driver: <slice>:cri-containerd:<id>
      int mark = c.indexOf(":cri-containerd:");
      if (mark >= 0) {
        ref = prefixed(c.substring(mark + 16), "", ContainerType.CONTAINERD);
      }
    }
    if (ref != null) {
      return ref;
    }
    if (isHex(c, 0, c.length()) && c.length() == FULL_ID_LENGTH) {
      // cgroupfs layouts: /docker/<id>, /kubepods/<qos>/pod<uid>/<id>, /ecs/<task>/<id>, /crio/<id>
      if (parent.equals("crio")) {
        return ref(ContainerType.CRIO, c);
      }
      if (parent.equals("libpod_parent") || parent.equals("machine.slice")) {
        return ref(ContainerType.PODMAN, c);
      }
      if (whole.contains("kubepods") && !whole.contains("/docker/")) {
        return ref(ContainerType.CRI, c);
      }
      return ref(ContainerType.DOCKER, c);
    }
    if (parent.equals("lxc") || parent.equals("lxc.payload")) {
      return c.isEmpty() ? null : new ContainerRef(ContainerType.LXC, c, c);
    }
    if (c.startsWith("lxc.payload.") && c.length() > 12) {
      String name = c.substring(12);
      return new ContainerRef(ContainerType.LXC, name, name);
    }
    if (parent.equals("mesos") && !c.isEmpty()) {
      return new ContainerRef(ContainerType.MESOS, c, c);
    }
    if (c.endsWith(".scope") && scopeless.startsWith("machine-") && scopeless.length() > 8) {
      String name = unescapeSystemd(scopeless.substring(8));
      if (name.startsWith("lxc-") && name.length() > 4) {
        String id = name.substring(4);
        return new ContainerRef(ContainerType.LIBVIRT_LXC, id, id);
      }
      if (name.startsWith("qemu-")) {
        return null; // a virtual machine, not a container
      }
      return new ContainerRef(ContainerType.SYSTEMD_NSPAWN, name, name);
    }
    return null;
  }

  private static ContainerRef prefixed(String c, String prefix, ContainerType type) {
    if (c.length() == prefix.length() + FULL_ID_LENGTH
        && c.startsWith(prefix)
        && isHex(c, prefix.length(), c.length())) {
      return ref(type, c.substring(prefix.length()));
    }
    return null;
  }

  private static ContainerRef ref(ContainerType type, String fullId) {
    return new ContainerRef(type, fullId.substring(0, SHORT_ID_LENGTH), fullId);
  }

  private static boolean isHex(String s, int from, int to) {
    if (from >= to) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char ch = s.charAt(i);
      if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** systemd escapes '-' inside unit names as {@code \x2d}. */
  private static String unescapeSystemd(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      int hi = i + 3 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
      int lo = i + 3 < s.length() ? Character.digit(s.charAt(i + 3), 16) : -1;
      if (hi >= 0 && lo >= 0 && ch == '\\' && s.charAt(i + 1) == 'x') {
        out.append((char) (hi * 16 + lo));
        i += 3;
      } else {
        out.append(ch);
      }
    }
    return out.toString();
  }
}
