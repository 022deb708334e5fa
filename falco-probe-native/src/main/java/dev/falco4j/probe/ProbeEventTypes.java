package dev.falco4j.probe;

import dev.falco4j.core.event.EventType;

/**
 * The event types the probe writes with all their parameters (every one an exit event of the current
 * table version, plus {@code procexit}), and {@link EventType#GENERIC_X} for syscalls without a
 * dedicated event. Keep in step with the handler table of {@code src/main/c/shim/f4j_shim.c}: {@code
 * ProbeEventTypesTest} compares the two, and {@code LiveEventSourceLiveIT} checks that the loaded shim
 * delivers every one.
 */
public final class ProbeEventTypes {

  private ProbeEventTypes() {}

  private static final int[] DEDICATED = {
    // process lifecycle
    EventType.CLONE_20_X, EventType.FORK_20_X, EventType.VFORK_20_X, EventType.CLONE3_X,
    EventType.EXECVE_19_X, EventType.EXECVEAT_X, EventType.PROCEXIT_1_E,
    // files and fds
    EventType.OPEN_X, EventType.OPENAT_2_X, EventType.OPENAT2_X, EventType.CREAT_X,
    EventType.CLOSE_X, EventType.DUP_1_X, EventType.DUP2_X, EventType.DUP3_X,
    EventType.PIPE_X, EventType.PIPE2_X, EventType.CHDIR_X, EventType.FCHDIR_X,
    EventType.FCNTL_X, EventType.SOCKETPAIR_X, EventType.EVENTFD2_X, EventType.SIGNALFD4_X,
    EventType.TIMERFD_CREATE_X, EventType.INOTIFY_INIT1_X, EventType.EPOLL_CREATE1_X,
    EventType.PIDFD_OPEN_X, EventType.PIDFD_GETFD_X, EventType.USERFAULTFD_X, EventType.CLOSE_RANGE_X,
    EventType.MEMFD_CREATE_X, EventType.EVENTFD_X, EventType.SIGNALFD_X, EventType.INOTIFY_INIT_X,
    EventType.EPOLL_CREATE_X, EventType.OPEN_BY_HANDLE_AT_X, EventType.IO_URING_SETUP_X,
    // names without an fd
    EventType.SYMLINK_X, EventType.SYMLINKAT_X, EventType.LINK_2_X, EventType.LINKAT_2_X,
    EventType.UNLINK_2_X, EventType.UNLINKAT_2_X, EventType.RENAME_X, EventType.RENAMEAT_X,
    EventType.RENAMEAT2_X, EventType.MKDIR_2_X, EventType.MKDIRAT_X, EventType.RMDIR_2_X,
    EventType.CHMOD_X, EventType.FCHMOD_X, EventType.FCHMODAT_X, EventType.MOUNT_X,
    EventType.UMOUNT2_X, EventType.CHROOT_X,
    // network
    EventType.SOCKET_X, EventType.BIND_X, EventType.LISTEN_X, EventType.CONNECT_X,
    EventType.ACCEPT_5_X, EventType.ACCEPT4_6_X, EventType.SENDTO_X, EventType.RECVFROM_X,
    EventType.SENDMSG_X, EventType.RECVMSG_X,
    // credentials
    EventType.SETUID_X, EventType.SETGID_X, EventType.SETRESUID_X, EventType.SETRESGID_X,
    EventType.SETREUID_X, EventType.SETREGID_X, EventType.CAPSET_X,
    // process control, namespaces, kernel extension
    EventType.PTRACE_X, EventType.SETNS_X, EventType.UNSHARE_X, EventType.PRCTL_X,
    EventType.SETSID_X, EventType.SETPGID_X, EventType.KILL_X, EventType.TGKILL_X,
    EventType.INIT_MODULE_X, EventType.FINIT_MODULE_X, EventType.BPF_2_X,
  };

  /** Event types with a dedicated probe handler (a fresh copy). */
  public static int[] dedicated() {
    return DEDICATED.clone();
  }

  /** True when the probe writes {@code type} with its own handler. */
  public static boolean isDedicated(int type) {
    for (int t : DEDICATED) {
      if (t == type) {
        return true;
      }
    }
    return false;
  }
}
