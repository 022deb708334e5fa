# Workload of HandlerCoverageLiveIT: makes every system call the probe has a dedicated handler for
# (except vfork, which cannot be issued raw from Python) at least once through syscall(2), x86_64
# numbers. Many calls fail on purpose (bad paths, bad fds): a failed call is still an event, and
# nothing here may change the host (no mount, no chroot, no module, ids set to what they are).
# Usage: all_handlers.py DIR
import ctypes
import os
import signal
import socket
import struct
import sys

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def sc(nr, *args):
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
    return r if r >= 0 else -ctypes.get_errno()


def buf(s):
    b = ctypes.create_string_buffer(s.encode() if isinstance(s, str) else s)
    keep.append(b)
    return ctypes.addressof(b)


keep = []
d = sys.argv[1]
AT_FDCWD = -100
p = lambda name: buf(os.path.join(d, name))
missing = buf('/nonexistent/f4j')

# files and fds
fd = sc(2, p('a'), os.O_WRONLY | os.O_CREAT, 0o600)                  # open
sc(3, fd)                                                            # close
sc(3, sc(257, AT_FDCWD, p('a'), os.O_RDONLY))                        # openat
how = buf(struct.pack('<QQQ', os.O_RDONLY, 0, 0))
sc(3, sc(437, AT_FDCWD, p('a'), how, 24))                            # openat2
sc(3, sc(85, p('b'), 0o644))                                         # creat
fd = sc(257, AT_FDCWD, p('a'), os.O_RDONLY)
sc(3, sc(32, fd))                                                    # dup
sc(3, sc(33, fd, 100))                                               # dup2
sc(3, sc(292, fd, 101, os.O_CLOEXEC))                                # dup3
fds = (ctypes.c_int * 2)()
sc(22, ctypes.addressof(fds)); sc(3, fds[0]); sc(3, fds[1])          # pipe
sc(293, ctypes.addressof(fds), os.O_CLOEXEC); sc(3, fds[0]); sc(3, fds[1])  # pipe2
sc(80, buf(d))                                                       # chdir
dfd = sc(257, AT_FDCWD, buf(d), os.O_RDONLY)
sc(81, dfd)                                                          # fchdir
sc(72, fd, 1030, 10)                                                 # fcntl F_DUPFD_CLOEXEC
sc(53, socket.AF_UNIX, socket.SOCK_STREAM, 0, ctypes.addressof(fds)); sc(3, fds[0]); sc(3, fds[1])  # socketpair
sc(3, sc(284, 1))                                                    # eventfd
sc(3, sc(290, 1, os.O_CLOEXEC))                                      # eventfd2
mask = buf(struct.pack('<Q', 1 << (signal.SIGUSR2 - 1)))
sc(3, sc(282, -1, mask, 8))                                          # signalfd
sc(3, sc(289, -1, mask, 8, os.O_CLOEXEC))                            # signalfd4
sc(3, sc(283, 1, os.O_CLOEXEC))                                      # timerfd_create
sc(3, sc(253))                                                       # inotify_init
sc(3, sc(294, os.O_CLOEXEC))                                         # inotify_init1
sc(3, sc(213, 1))                                                    # epoll_create
sc(3, sc(291, os.O_CLOEXEC))                                         # epoll_create1
pidfd = sc(434, os.getpid(), 0)                                      # pidfd_open
sc(3, sc(438, pidfd, fd, 0))                                         # pidfd_getfd
sc(3, pidfd)
sc(3, sc(323, os.O_CLOEXEC))                                         # userfaultfd
sc(3, sc(319, buf('f4j'), 1))                                        # memfd_create
params = buf(bytes(120))
sc(3, sc(425, 2, params))                                            # io_uring_setup
handle = buf(struct.pack('<Ii', 128, 0) + bytes(128))
mnt = buf(bytes(4))
sc(303, AT_FDCWD, p('a'), handle, mnt, 0)
sc(3, sc(304, dfd, handle, os.O_RDONLY))                             # open_by_handle_at
sc(436, 200, 300, 0)                                                 # close_range (nothing open there)

# names
sc(88, p('a'), p('s1'))                                              # symlink
sc(266, p('a'), AT_FDCWD, p('s2'))                                   # symlinkat
sc(86, p('a'), p('h1'))                                              # link
sc(265, AT_FDCWD, p('a'), AT_FDCWD, p('h2'), 0)                      # linkat
sc(87, p('s1'))                                                      # unlink
sc(263, AT_FDCWD, p('s2'), 0)                                        # unlinkat
sc(82, p('h1'), p('r1'))                                             # rename
sc(264, AT_FDCWD, p('r1'), AT_FDCWD, p('r2'))                        # renameat
sc(316, AT_FDCWD, p('r2'), AT_FDCWD, p('r3'), 0)                     # renameat2
sc(83, p('m1'), 0o755)                                               # mkdir
sc(258, AT_FDCWD, p('m2'), 0o755)                                    # mkdirat
sc(84, p('m1'))                                                      # rmdir
sc(90, p('a'), 0o640)                                                # chmod
sc(91, fd, 0o600)                                                    # fchmod
sc(268, AT_FDCWD, p('a'), 0o644)                                     # fchmodat
sc(165, buf('none'), missing, buf('tmpfs'), 0, 0)                    # mount: ENOENT
sc(166, missing, 0)                                                  # umount2: ENOENT
sc(161, missing)                                                     # chroot: ENOENT

# network
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)              # socket
srv.bind(('127.0.0.1', 0))                                           # bind
srv.listen(4)                                                        # listen
port = srv.getsockname()[1]
c1 = socket.create_connection(('127.0.0.1', port))                   # connect
c2 = socket.create_connection(('127.0.0.1', port))
sc(3, sc(43, srv.fileno(), 0, 0))                                    # accept
sc(3, sc(288, srv.fileno(), 0, 0, os.O_CLOEXEC))                     # accept4
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u.bind(('127.0.0.1', 0))
msg = buf('f4j')
sc(44, u.fileno(), msg, 3, 0, buf(struct.pack('<HH4s8x', socket.AF_INET, socket.htons(u.getsockname()[1]),
                                              socket.inet_aton('127.0.0.1'))), 16)  # sendto
rb = buf(bytes(16))
sc(45, u.fileno(), rb, 16, 0, 0, 0)                                  # recvfrom
a, b = socket.socketpair()
a.sendmsg([b'f4j'])                                                  # sendmsg
b.recvmsg(16)                                                        # recvmsg

# credentials, unchanged
sc(105, os.getuid())                                                 # setuid
sc(106, os.getgid())                                                 # setgid
sc(117, -1, -1, -1)                                                  # setresuid
sc(119, -1, -1, -1)                                                  # setresgid
sc(113, -1, -1)                                                      # setreuid
sc(114, -1, -1)                                                      # setregid
sc(126, 0, 0)                                                        # capset: EFAULT

# process control
sc(101, 16, os.getpid(), 0, 0)                                       # ptrace: EPERM
sc(272, 0)                                                           # unshare: nothing
sc(308, -1, 0)                                                       # setns: EBADF
name = buf(bytes(16))
sc(157, 16, name)                                                    # prctl PR_GET_NAME
sc(109, 0, 0)                                                        # setpgid
sc(112)                                                              # setsid
sc(313, -1, buf(''), 0)                                              # finit_module: EBADF/ENOSYS
sc(175, buf('x'), 1, buf(''))                                        # init_module: fails
sc(62, os.getpid(), 0)                                               # kill, signal 0
sc(234, os.getpid(), os.getpid(), 0)                                 # tgkill, signal 0
sc(321, 9999, 0, 0)                                                  # bpf: EINVAL

# process lifecycle: fork and clone3 children exit at once; failed exec and execveat
for nr, args in ((57, ()), (56, (signal.SIGCHLD, 0, 0, 0, 0)), (435, (buf(struct.pack('<QQQQQ', 0, 0, 0, 0, signal.SIGCHLD) + bytes(48)), 88))):
    child = sc(nr, *args)
    if child == 0:
        os._exit(0)
    os.waitpid(child, 0)
sc(59, missing, 0, 0)                                                # execve: ENOENT
sc(322, AT_FDCWD, missing, 0, 0, 0)                                  # execveat: ENOENT
print('done', flush=True)
