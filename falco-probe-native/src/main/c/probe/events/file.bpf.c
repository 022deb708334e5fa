/* file.bpf.c: fd-creating and fd-closing file calls and cwd changes: open, openat, openat2, creat,
 * open_by_handle_at, close, dup, dup2, dup3, pipe, pipe2, chdir, fchdir. */
#include "../helpers/fd.h"
#include "../helpers/flags.h"
#include "../helpers/args.h"

/* PPM O_F_CREATED when this open created the file (FMODE_CREATED on the new struct file). */
static __always_inline u32 f4j_created_flag(struct file *f)
{
	if (f && (BPF_CORE_READ(f, f_mode) & F4J_LX_FMODE_CREATED))
		return F4J_PPM_FILE_FLAGS_O_F_CREATED;
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_open, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_OPEN_X, F4J_EVT_SYSCALL_OPEN_X_NPARAMS))
		return 0;
	u64 flags = f4j_arg(regs, 1);
	struct file *f = f4j_fd_file(ret);
	f4j_push_s64(&e, ret);                                         /* param 1: fd (PT_FD) */
	f4j_push_user_str(&e, (const void *)f4j_arg(regs, 0));         /* param 2: name (PT_FSPATH) */
	f4j_push_u32(&e, f4j_open_flags(flags) | f4j_created_flag(f)); /* param 3: flags (PT_FLAGS32) */
	f4j_push_u32(&e, f4j_open_mode(flags, f4j_arg(regs, 2)));      /* param 4: mode (PT_UINT32) */
	f4j_push_file_dev_ino(&e, f);                                  /* param 5-6: dev, ino */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_openat, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_OPENAT_2_X, F4J_EVT_SYSCALL_OPENAT_2_X_NPARAMS))
		return 0;
	u64 flags = f4j_arg(regs, 2);
	struct file *f = f4j_fd_file(ret);
	f4j_push_s64(&e, ret);                                         /* param 1: fd (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: dirfd (PT_FD) */
	f4j_push_user_str(&e, (const void *)f4j_arg(regs, 1));         /* param 3: name (PT_FSRELPATH) */
	f4j_push_u32(&e, f4j_open_flags(flags) | f4j_created_flag(f)); /* param 4: flags (PT_FLAGS32) */
	f4j_push_u32(&e, f4j_open_mode(flags, f4j_arg(regs, 3)));      /* param 5: mode (PT_UINT32) */
	f4j_push_file_dev_ino(&e, f);                                  /* param 6-7: dev, ino */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_openat2, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_OPENAT2_X, F4J_EVT_SYSCALL_OPENAT2_X_NPARAMS))
		return 0;
	struct { u64 flags; u64 mode; u64 resolve; } how = {};
	bpf_probe_read_user(&how, sizeof(how), (const void *)f4j_arg(regs, 2));
	struct file *f = f4j_fd_file(ret);
	f4j_push_s64(&e, ret);                                         /* param 1: fd (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: dirfd (PT_FD) */
	f4j_push_user_str(&e, (const void *)f4j_arg(regs, 1));         /* param 3: name (PT_FSRELPATH) */
	f4j_push_u32(&e, f4j_open_flags(how.flags) | f4j_created_flag(f)); /* param 4: flags (PT_FLAGS32) */
	f4j_push_u32(&e, f4j_open_mode(how.flags, how.mode));          /* param 5: mode (PT_UINT32) */
	f4j_push_u32(&e, f4j_resolve_flags(how.resolve));              /* param 6: resolve (PT_FLAGS32) */
	f4j_push_file_dev_ino(&e, f);                                  /* param 7-8: dev, ino */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_creat, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_CREAT_X, F4J_EVT_SYSCALL_CREAT_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                                         /* param 1: fd (PT_FD) */
	f4j_push_user_str(&e, (const void *)f4j_arg(regs, 0));         /* param 2: name (PT_FSPATH) */
	f4j_push_u32(&e, (u32)(f4j_arg(regs, 1) & 07777));             /* param 3: mode (PT_UINT32) */
	f4j_push_dev_ino(&e, ret);                                     /* param 4-5: dev, ino */
	f4j_push_u16(&e, 0);                                           /* param 6: creat_flags (overlay layers: not detected) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_close, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_CLOSE_X, F4J_EVT_SYSCALL_CLOSE_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                                         /* param 1: res (PT_ERRNO) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: fd (PT_FD) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_dup, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_DUP_1_X, F4J_EVT_SYSCALL_DUP_1_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                                         /* param 1: res (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: oldfd (PT_FD) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_dup2, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_DUP2_X, F4J_EVT_SYSCALL_DUP2_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                                         /* param 1: res (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: oldfd (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 1));                       /* param 3: newfd (PT_FD) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_dup3, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_DUP3_X, F4J_EVT_SYSCALL_DUP3_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                                         /* param 1: res (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: oldfd (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 1));                       /* param 3: newfd (PT_FD) */
	f4j_push_u32(&e, f4j_sock_type_flags(f4j_arg(regs, 2) & F4J_LX_O_CLOEXEC)); /* param 4: flags */
	f4j_submit(&e);
	return 0;
}

static __always_inline void f4j_pipe_exit(struct pt_regs *regs, long ret, bool two)
{
	struct f4j_evt e;
	if (two ? f4j_begin(&e, F4J_EVT_SYSCALL_PIPE2_X, F4J_EVT_SYSCALL_PIPE2_X_NPARAMS)
		: f4j_begin(&e, F4J_EVT_SYSCALL_PIPE_X, F4J_EVT_SYSCALL_PIPE_X_NPARAMS))
		return;
	s32 fds[2] = {-1, -1};
	if (ret == 0)
		bpf_probe_read_user(fds, sizeof(fds), (const void *)f4j_arg(regs, 0));
	f4j_push_s64(&e, ret);                                         /* param 1: res (PT_ERRNO) */
	f4j_push_s64(&e, fds[0]);                                      /* param 2: fd1 (PT_FD) */
	f4j_push_s64(&e, fds[1]);                                      /* param 3: fd2 (PT_FD) */
	struct file *f = ret == 0 ? f4j_fd_file(fds[0]) : NULL;
	f4j_push_u64(&e, f ? BPF_CORE_READ(f, f_inode, i_ino) : 0);    /* param 4: ino (PT_UINT64) */
	if (two)                                                       /* param 5: flags (PT_FLAGS32) */
		f4j_push_u32(&e, f4j_sock_type_flags(f4j_arg(regs, 1)));
	f4j_submit(&e);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_pipe, struct pt_regs *regs, long ret)
{
	f4j_pipe_exit(regs, ret, false);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_pipe2, struct pt_regs *regs, long ret)
{
	f4j_pipe_exit(regs, ret, true);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_chdir, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_CHDIR_X, F4J_EVT_SYSCALL_CHDIR_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                                         /* param 1: res (PT_ERRNO) */
	f4j_push_user_str(&e, (const void *)f4j_arg(regs, 0));         /* param 2: path (PT_CHARBUF) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_fchdir, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_FCHDIR_X, F4J_EVT_SYSCALL_FCHDIR_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                                         /* param 1: res (PT_ERRNO) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: fd (PT_FD) */
	f4j_submit(&e);
	return 0;
}

/* open_by_handle_at names no path: the path is that of the file it opened. */
SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_open_by_handle_at, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_OPEN_BY_HANDLE_AT_X, F4J_EVT_SYSCALL_OPEN_BY_HANDLE_AT_X_NPARAMS))
		return 0;
	struct file *f = f4j_fd_file(ret);
	f4j_push_s64(&e, ret);                                         /* param 1: fd (PT_FD) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: mountfd (PT_FD) */
	f4j_push_u32(&e, f4j_open_flags(f4j_arg(regs, 2)));            /* param 3: flags (PT_FLAGS32) */
	if (f) {                                                       /* param 4: path (PT_FSPATH) */
		struct path p;
		bpf_core_read(&p, sizeof(p), &f->f_path);
		f4j_push_path(&e, &p);
	} else {
		f4j_push_empty(&e);
	}
	f4j_push_file_dev_ino(&e, f);                                  /* param 5-6: dev, ino */
	f4j_submit(&e);
	return 0;
}
