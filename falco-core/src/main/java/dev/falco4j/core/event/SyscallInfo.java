package dev.falco4j.core.event;

/**
 * One x86_64 system call of syscall-table.tsv.
 *
 * @param nr native syscall number
 * @param name syscall name
 * @param generic true when reported through the generic {@code syscall} event pair (ids 0/1)
 * @param enterEvent event type id of the enter event
 * @param exitEvent event type id of the exit event
 * @param ppmSc the {@code ppm_sc} code (stored in {@code PT_SYSCALLID} parameters)
 * @param flags the {@code UF_*} names, comma separated
 */
public record SyscallInfo(
    int nr, String name, boolean generic, int enterEvent, int exitEvent, int ppmSc, String flags) {}
