package dev.falco4j.core.state;

/**
 * A user as listed in a trace's user list or the host's passwd file.
 *
 * @param uid user id (unsigned 32-bit value in an int)
 * @param gid primary group id
 * @param name login name
 * @param home home directory
 * @param shell login shell
 */
public record UserInfo(int uid, int gid, String name, String home, String shell) {
  /** Rejects null texts. */
  public UserInfo {
    if (name == null || home == null || shell == null) {
      throw new IllegalArgumentException("user fields must not be null");
    }
  }
}
