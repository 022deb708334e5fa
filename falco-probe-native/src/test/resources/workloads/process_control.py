# Workload of ProcessControlEventsLiveIT: calls each process-control, credential, namespace, module,
# bpf and old-style fd-creating system call once through syscall(2) (x86_64 numbers), so that the
# probe sees exactly the arguments written here, then prints what each call returned as key=value
# pairs on one line. Usage: process_control.py DIR
import ctypes
import os
import signal
import struct
import sys
import time

libc = ctypes.CDLL(None, use_errno=True)
libc.syscall.restype = ctypes.c_long


def sc(nr, *args):
    """The raw system call; -errno on failure, as the kernel returns it."""
    r = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
    return r if r >= 0 else -ctypes.get_errno()


out = {}
work = sys.argv[1]

# ptrace: attach to a sleeping child, read one word of its memory, detach; then a refused attach.
word = ctypes.c_uint64(0x1122334455667788)
peeked = ctypes.c_uint64(0)
child = os.fork()
if child == 0:
    time.sleep(30)
    os._exit(0)
out['child'] = child
out['attach'] = sc(101, 16, child, 0, 0)                      # PTRACE_ATTACH
os.waitpid(child, 0)
out['word_addr'] = ctypes.addressof(word)
out['peek'] = sc(101, 2, child, ctypes.addressof(word), ctypes.addressof(peeked))  # PTRACE_PEEKDATA
out['peeked'] = peeked.value
out['detach'] = sc(101, 17, child, 0, 0)                      # PTRACE_DETACH, no signal
os.kill(child, signal.SIGKILL)
os.waitpid(child, 0)
out['attach_self'] = sc(101, 16, os.getpid(), 0, 0)           # EPERM: a process cannot trace itself

# namespaces: a new UTS namespace, then back into the one we had.
nsfd = os.open('/proc/self/ns/uts', os.O_RDONLY)
out['nsfd'] = nsfd
out['unshare'] = sc(272, 0x04000000)                          # CLONE_NEWUTS
out['setns'] = sc(308, nsfd, 0x04000000)

# credentials: -1 leaves every id as it is.
out['setreuid'] = sc(113, -1, -1)
out['setregid'] = sc(114, -1, -1)
out['setresuid'] = sc(117, -1, -1, -1)
out['setresgid'] = sc(119, -1, -1, -1)

# bpf: an array map, a two-instruction socket filter (r0 = 0; exit), an unknown command.
attr = ctypes.create_string_buffer(struct.pack('<IIII', 2, 4, 8, 1), 128)       # BPF_MAP_TYPE_ARRAY
out['bpf_map'] = sc(321, 0, ctypes.addressof(attr), 128)                         # BPF_MAP_CREATE
insns = ctypes.create_string_buffer(bytes([0xb7, 0, 0, 0, 0, 0, 0, 0, 0x95, 0, 0, 0, 0, 0, 0, 0]))
lic = ctypes.create_string_buffer(b'GPL')
pattr = ctypes.create_string_buffer(
    struct.pack('<IIQQ', 1, 2, ctypes.addressof(insns), ctypes.addressof(lic)), 128)  # SOCKET_FILTER
out['bpf_prog'] = sc(321, 5, ctypes.addressof(pattr), 128)                       # BPF_PROG_LOAD
out['bpf_bad'] = sc(321, 9999, 0, 0)

# modules: nothing can load: an fd that is not open, an image that is not ELF.
uargs = ctypes.create_string_buffer(b'f4j=1')
out['finit'] = sc(313, 9999, ctypes.addressof(uargs), 2)     # MODULE_INIT_IGNORE_VERMAGIC
img = ctypes.create_string_buffer(b'F4JNOTAMODULE')
out['init'] = sc(175, ctypes.addressof(img), 13, ctypes.addressof(uargs))

# the old fd-creating calls (their *2/*1 successors have handlers of their own)
out['eventfd'] = sc(284, 5)
mask = ctypes.c_uint64(1 << (signal.SIGUSR1 - 1))
out['signalfd'] = sc(282, -1, ctypes.addressof(mask), 8)
out['inotify'] = sc(253)
out['epoll'] = sc(213, 7)
params = ctypes.create_string_buffer(120)                    # struct io_uring_params, zeroed
out['uring'] = sc(425, 4, ctypes.addressof(params))
sq, cq, _, _, _, feat = struct.unpack_from('<6I', params.raw)
out['uring_sq'], out['uring_cq'], out['uring_features'] = sq, cq, feat

# open_by_handle_at: a handle for a file of DIR, opened again through it.
name = os.path.join(work, 'handle.txt')
open(name, 'w').close()
path = ctypes.create_string_buffer(name.encode())
handle = ctypes.create_string_buffer(struct.pack('<Ii', 128, 0), 8 + 128)
mount_id = ctypes.c_int(0)
out['name_to_handle'] = sc(303, -100, ctypes.addressof(path), ctypes.addressof(handle),
                           ctypes.addressof(mount_id), 0)
mount_fd = os.open(work, os.O_RDONLY)
out['mount_fd'] = mount_fd
out['by_handle'] = sc(304, mount_fd, ctypes.addressof(handle), os.O_RDONLY)

print(' '.join('%s=%d' % kv for kv in out.items()), flush=True)
