package dev.falco4j.core.event.spi;

/**
 * A group of the recorded system.
 *
 * @param gid group id
 * @param name group name
 */
public record GroupSnapshot(int gid, String name) {}
