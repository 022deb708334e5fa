package dev.falco4j.core.state;

/**
 * A group as listed in a trace's user list or the host's group file.
 *
 * @param gid group id (unsigned 32-bit value in an int)
 * @param name group name
 */
public record GroupInfo(int gid, String name) {
  /** Rejects a null name. */
  public GroupInfo {
    if (name == null) {
      throw new IllegalArgumentException("group name must not be null");
    }
  }
}
