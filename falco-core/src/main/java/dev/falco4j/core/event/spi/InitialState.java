package dev.falco4j.core.event.spi;

import java.util.List;

/**
 * The system state an event source knows before its first event: for trace files the metadata
 * blocks of the section header (machine, interfaces, users/groups, process list, fd lists); for
 * the live probe a scan of /proc. The state tracker seeds its tables from it.
 *
 * @param machine machine info, or null when the source has none
 * @param threads threads (one per thread, not per process), in recorded order
 * @param fds open fds of those threads
 * @param users users
 * @param groups groups
 * @param interfaces network interface addresses
 */
public record InitialState(
    MachineInfo machine,
    List<ThreadSnapshot> threads,
    List<FdSnapshot> fds,
    List<UserSnapshot> users,
    List<GroupSnapshot> groups,
    List<InterfaceSnapshot> interfaces) {

  /** Validates and copies the lists. */
  public InitialState {
    threads = List.copyOf(threads);
    fds = List.copyOf(fds);
    users = List.copyOf(users);
    groups = List.copyOf(groups);
    interfaces = List.copyOf(interfaces);
  }

  /** No state at all. */
  public static InitialState empty() {
    return new InitialState(null, List.of(), List.of(), List.of(), List.of(), List.of());
  }
}
