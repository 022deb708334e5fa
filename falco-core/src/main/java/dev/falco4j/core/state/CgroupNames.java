package dev.falco4j.core.state;

/**
 * Cgroup entries as Falco shows them: the cgroup v2 {@code io} controller is named {@code blkio},
 * its cgroup v1 name, so that rules and outputs see one name for it.
 */
final class CgroupNames {

  private CgroupNames() {}

  /** {@code subsys=path} entries with {@code io=} renamed to {@code blkio=} (in place). */
  static String[] normalise(String[] cgroups) {
    if (cgroups == null) {
      return new String[0];
    }
    for (int i = 0; i < cgroups.length; i++) {
      if (cgroups[i].startsWith("io=")) {
        cgroups[i] = "blkio=" + cgroups[i].substring(3);
      }
    }
    return cgroups;
  }
}
