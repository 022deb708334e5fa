package dev.falco4j.core.event.spi;

/**
 * The machine a capture was recorded on (scap machine-info block, scap-format.md §5).
 *
 * @param cpus number of CPUs
 * @param memoryBytes physical memory
 * @param maxPid max pid (0 when unknown)
 * @param hostname host name
 * @param bootTime host boot time, ns since the epoch (0 when unknown)
 * @param flags machine flags
 * @param reserved3 reserved word, kept for byte-exact rewrites
 * @param reserved4 reserved word, kept for byte-exact rewrites
 */
public record MachineInfo(
    int cpus,
    long memoryBytes,
    long maxPid,
    String hostname,
    long bootTime,
    long flags,
    long reserved3,
    long reserved4) {}
