/* fdops.bpf.c: other fd-creating and fd-changing calls the state tracker follows: fcntl, socketpair,
 * eventfd, eventfd2, signalfd, signalfd4, timerfd_create, inotify_init, inotify_init1, epoll_create,
 * epoll_create1, pidfd_open, pidfd_getfd, userfaultfd, close_range, bpf, io_uring_setup. */
#include "../helpers/fd.h"
#include "../helpers/flags.h"
#include "../helpers/args.h"

#define F4J_BEGIN(e, SYM)                                                   \
	struct f4j_evt e;                                                   \
	if (f4j_begin(&e, F4J_EVT_##SYM, F4J_EVT_##SYM##_NPARAMS))          \
		return 0;                                                   \
	f4j_push_s64(&e, ret) /* param 1: res (PT_ERRNO / PT_FD) */

/* Linux fcntl command to the fcntl_commands enumeration (flags-table.tsv). */
static __always_inline u8 f4j_fcntl_cmd(u32 cmd)
{
	switch (cmd) {
	case 0: return F4J_PPM_FCNTL_COMMANDS_F_DUPFD;
	case 1: return F4J_PPM_FCNTL_COMMANDS_F_GETFD;
	case 2: return F4J_PPM_FCNTL_COMMANDS_F_SETFD;
	case 3: return F4J_PPM_FCNTL_COMMANDS_F_GETFL;
	case 4: return F4J_PPM_FCNTL_COMMANDS_F_SETFL;
	case 5: return F4J_PPM_FCNTL_COMMANDS_F_GETLK;
	case 6: return F4J_PPM_FCNTL_COMMANDS_F_SETLK;
	case 7: return F4J_PPM_FCNTL_COMMANDS_F_SETLKW;
	case 8: return F4J_PPM_FCNTL_COMMANDS_F_SETOWN;
	case 9: return F4J_PPM_FCNTL_COMMANDS_F_GETOWN;
	case 10: return F4J_PPM_FCNTL_COMMANDS_F_SETSIG;
	case 11: return F4J_PPM_FCNTL_COMMANDS_F_GETSIG;
	case 15: return F4J_PPM_FCNTL_COMMANDS_F_SETOWN_EX;
	case 16: return F4J_PPM_FCNTL_COMMANDS_F_GETOWN_EX;
	case 36: return F4J_PPM_FCNTL_COMMANDS_F_OFD_GETLK;
	case 37: return F4J_PPM_FCNTL_COMMANDS_F_OFD_SETLK;
	case 38: return F4J_PPM_FCNTL_COMMANDS_F_OFD_SETLKW;
	case 1024: return F4J_PPM_FCNTL_COMMANDS_F_SETLEASE;
	case 1025: return F4J_PPM_FCNTL_COMMANDS_F_GETLEASE;
	case 1026: return F4J_PPM_FCNTL_COMMANDS_F_NOTIFY;
	case 1029: return F4J_PPM_FCNTL_COMMANDS_F_CANCELLK;
	case 1030: return F4J_PPM_FCNTL_COMMANDS_F_DUPFD_CLOEXEC;
	case 1031: return F4J_PPM_FCNTL_COMMANDS_F_SETPIPE_SZ;
	case 1032: return F4J_PPM_FCNTL_COMMANDS_F_GETPIPE_SZ;
	default: return 0; /* F_UNKNOWN */
	}
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_fcntl, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_FCNTL_X);
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                  /* param 2: fd (PT_FD) */
	f4j_push_u8(&e, f4j_fcntl_cmd((u32)f4j_arg(regs, 1)));    /* param 3: cmd (PT_ENUMFLAGS8) */
	f4j_push_u64(&e, f4j_arg(regs, 2));                       /* param 4: arg (PT_UINT64) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_socketpair, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SOCKET_SOCKETPAIR_X);
	s32 fds[2] = {-1, -1};
	if (ret == 0)
		bpf_probe_read_user(fds, sizeof(fds), (const void *)f4j_arg(regs, 3));
	f4j_push_s64(&e, fds[0]);                                 /* param 2: fd1 (PT_FD) */
	f4j_push_s64(&e, fds[1]);                                 /* param 3: fd2 (PT_FD) */
	struct sock *sk = ret == 0 ? f4j_fd_sock(fds[0]) : NULL;
	struct sock *peer = sk ? BPF_CORE_READ((struct unix_sock *)sk, peer) : NULL;
	f4j_push_u64(&e, (u64)sk);                                /* param 4: source (PT_UINT64) */
	f4j_push_u64(&e, (u64)peer);                              /* param 5: peer (PT_UINT64) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));                  /* param 6: domain (PT_ENUMFLAGS32) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1));                  /* param 7: type (PT_UINT32) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2));                  /* param 8: proto (PT_UINT32) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_eventfd2, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_EVENTFD2_X);
	f4j_push_u16(&e, (u16)f4j_sock_type_flags(f4j_arg(regs, 1))); /* param 2: flags (PT_FLAGS16, file_flags) */
	f4j_push_u64(&e, f4j_arg(regs, 0));                        /* param 3: initval (PT_UINT64) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_signalfd4, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SIGNALFD4_X);
	u32 mask = 0;
	bpf_probe_read_user(&mask, sizeof(mask), (const void *)f4j_arg(regs, 1));
	f4j_push_u16(&e, (u16)f4j_sock_type_flags(f4j_arg(regs, 3))); /* param 2: flags (PT_FLAGS16) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                  /* param 3: fd (PT_FD) */
	f4j_push_u32(&e, mask);                                   /* param 4: mask (PT_UINT32) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_timerfd_create, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_TIMERFD_CREATE_X);
	f4j_push_u8(&e, (u8)f4j_arg(regs, 0));                    /* param 2: clockid (PT_UINT8) */
	f4j_push_u8(&e, (u8)f4j_sock_type_flags(f4j_arg(regs, 1))); /* param 3: flags (PT_UINT8) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_inotify_init1, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_INOTIFY_INIT1_X);
	f4j_push_u16(&e, (u16)f4j_sock_type_flags(f4j_arg(regs, 0))); /* param 2: flags (PT_FLAGS16) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_epoll_create1, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_EPOLL_CREATE1_X);
	/* EPOLL_CLOEXEC (= O_CLOEXEC) is epoll_create1_flags' only value, 1. */
	f4j_push_u32(&e, (f4j_arg(regs, 0) & F4J_LX_O_CLOEXEC) ? F4J_PPM_EPOLL_CREATE1_FLAGS_EPOLL_CLOEXEC : 0);
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_pidfd_open, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_PIDFD_OPEN_X);
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                  /* param 2: pid (PT_PID) */
	/* PIDFD_NONBLOCK (= O_NONBLOCK) is pidfd_open_flags' only value, 1. */
	f4j_push_u32(&e, (f4j_arg(regs, 1) & F4J_LX_O_NONBLOCK) ? F4J_PPM_PIDFD_OPEN_FLAGS_PIDFD_NONBLOCK : 0);
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_pidfd_getfd, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_PIDFD_GETFD_X);
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                  /* param 2: pid_fd (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 1));                  /* param 3: target_fd (PT_FD) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2));                  /* param 4: flags (PT_UINT32) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_userfaultfd, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_USERFAULTFD_X);
	f4j_push_u32(&e, f4j_sock_type_flags(f4j_arg(regs, 0)));  /* param 2: flags (PT_FLAGS32, file_flags) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_close_range, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_CLOSE_RANGE_X);
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));                  /* param 2: first (PT_UINT32) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1));                  /* param 3: last (PT_UINT32) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2) & 0x6);            /* param 4: flags (close_range_flags = Linux) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_eventfd, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_EVENTFD_X);
	f4j_push_u64(&e, f4j_arg(regs, 0));                       /* param 2: initval (PT_UINT64) */
	f4j_push_u32(&e, 0);                                      /* param 3: flags (PT_UINT32): eventfd has none */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_signalfd, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SIGNALFD_X);
	u32 mask = 0;
	bpf_probe_read_user(&mask, sizeof(mask), (const void *)f4j_arg(regs, 1));
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                  /* param 2: fd (PT_FD) */
	f4j_push_u32(&e, mask);                                   /* param 3: mask (PT_UINT32) */
	f4j_push_u8(&e, 0);                                       /* param 4: flags (PT_UINT8): signalfd has none */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_inotify_init, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_INOTIFY_INIT_X);
	f4j_push_u8(&e, 0);                                       /* param 2: flags (PT_UINT8): inotify_init has none */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_epoll_create, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_EPOLL_CREATE_X);
	f4j_push_s32(&e, (s32)f4j_arg(regs, 0));                  /* param 2: size (PT_INT32) */
	f4j_submit(&e);
	return 0;
}

/* bpf (bpf_2_X): the new fd (or -errno) and the command. bpf_commands values are the kernel's enum
 * bpf_cmd, so the command is stored as it came (commands newer than the table stay numbers). */
SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_bpf, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_BPF_2_X);                            /* param 1: fd (PT_FD) */
	f4j_push_s32(&e, (s32)f4j_arg(regs, 0));                  /* param 2: cmd (PT_ENUMFLAGS32, bpf_commands) */
	f4j_submit(&e);
	return 0;
}

/* Linux IORING_SETUP_* (include/uapi/linux/io_uring.h) to io_uring_setup_flags. */
static __always_inline u32 f4j_io_uring_setup_flags(u32 lx)
{
	u32 r = 0;
	if (lx & 0x01) r |= F4J_PPM_IO_URING_SETUP_FLAGS_IORING_SETUP_IOPOLL;
	if (lx & 0x02) r |= F4J_PPM_IO_URING_SETUP_FLAGS_IORING_SETUP_SQPOLL;
	if (lx & 0x04) r |= F4J_PPM_IO_URING_SETUP_FLAGS_IORING_SETUP_SQ_AFF;
	if (lx & 0x08) r |= F4J_PPM_IO_URING_SETUP_FLAGS_IORING_SETUP_CQSIZE;
	if (lx & 0x10) r |= F4J_PPM_IO_URING_SETUP_FLAGS_IORING_SETUP_CLAMP;
	if (lx & 0x20) r |= F4J_PPM_IO_URING_SETUP_FLAGS_IORING_SETUP_ATTACH_RW; /* IORING_SETUP_ATTACH_WQ */
	if (lx & 0x40) r |= F4J_PPM_IO_URING_SETUP_FLAGS_IORING_SETUP_R_DISABLED;
	return r;
}

/* The leading fields of struct io_uring_params, which the kernel fills in on success. */
struct f4j_io_uring_params {
	u32 sq_entries;
	u32 cq_entries;
	u32 flags;
	u32 sq_thread_cpu;
	u32 sq_thread_idle;
	u32 features;
};

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_io_uring_setup, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_IO_URING_SETUP_X);
	struct f4j_io_uring_params p = {};
	bpf_probe_read_user(&p, sizeof(p), (const void *)f4j_arg(regs, 1));
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));                  /* param 2: entries (PT_UINT32) */
	f4j_push_u32(&e, p.sq_entries);                           /* param 3: sq_entries (PT_UINT32) */
	f4j_push_u32(&e, p.cq_entries);                           /* param 4: cq_entries (PT_UINT32) */
	f4j_push_u32(&e, f4j_io_uring_setup_flags(p.flags));      /* param 5: flags (PT_FLAGS32) */
	f4j_push_u32(&e, p.sq_thread_cpu);                        /* param 6: sq_thread_cpu (PT_UINT32) */
	f4j_push_u32(&e, p.sq_thread_idle);                       /* param 7: sq_thread_idle (PT_UINT32) */
	/* IORING_FEAT_* bits up to RSRC_TAGS have the table's values. */
	f4j_push_u32(&e, p.features & 0x7ff);                     /* param 8: features (PT_FLAGS32) */
	f4j_submit(&e);
	return 0;
}
