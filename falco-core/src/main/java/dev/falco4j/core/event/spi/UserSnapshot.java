package dev.falco4j.core.event.spi;

/**
 * A user of the recorded system.
 *
 * @param uid user id
 * @param gid primary group id
 * @param name user name
 * @param home home directory
 * @param shell login shell
 */
public record UserSnapshot(int uid, int gid, String name, String home, String shell) {}
