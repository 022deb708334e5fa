/* fsops.bpf.c: operations on names and files that create no fd: symlink, symlinkat, link, linkat,
 * unlink, unlinkat, rename, renameat, renameat2, mkdir, mkdirat, rmdir, chmod, fchmod, fchmodat,
 * mount, umount2, chroot; and memfd_create. Path arguments are stored as the caller passed them
 * (PT_FSPATH / PT_FSRELPATH): user space resolves relative ones against cwd or the dirfd. */
#include "../helpers/fd.h"
#include "../helpers/flags.h"
#include "../helpers/args.h"

#define F4J_PATH_ARG(e, regs, i) f4j_push_user_str(e, (const void *)f4j_arg(regs, i))
#define F4J_FD_ARG(e, regs, i) f4j_push_s64(e, (s32)f4j_arg(regs, i))

#define F4J_BEGIN(e, SYM)                                                   \
	struct f4j_evt e;                                                   \
	if (f4j_begin(&e, F4J_EVT_##SYM, F4J_EVT_##SYM##_NPARAMS))          \
		return 0;                                                   \
	f4j_push_s64(&e, ret) /* param 1: res (PT_ERRNO) or fd (PT_FD) */

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_symlink, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SYMLINK_X);
	F4J_PATH_ARG(&e, regs, 0); /* param 2: target (PT_CHARBUF) */
	F4J_PATH_ARG(&e, regs, 1); /* param 3: linkpath (PT_FSPATH) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_symlinkat, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SYMLINKAT_X);
	F4J_PATH_ARG(&e, regs, 0); /* param 2: target (PT_CHARBUF) */
	F4J_FD_ARG(&e, regs, 1);   /* param 3: linkdirfd (PT_FD) */
	F4J_PATH_ARG(&e, regs, 2); /* param 4: linkpath (PT_FSRELPATH) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_link, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_LINK_2_X);
	F4J_PATH_ARG(&e, regs, 0); /* param 2: oldpath (PT_FSPATH) */
	F4J_PATH_ARG(&e, regs, 1); /* param 3: newpath (PT_FSPATH) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_linkat, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_LINKAT_2_X);
	F4J_FD_ARG(&e, regs, 0);   /* param 2: olddir (PT_FD) */
	F4J_PATH_ARG(&e, regs, 1); /* param 3: oldpath (PT_FSRELPATH) */
	F4J_FD_ARG(&e, regs, 2);   /* param 4: newdir (PT_FD) */
	F4J_PATH_ARG(&e, regs, 3); /* param 5: newpath (PT_FSRELPATH) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 4) & 0x1400); /* param 6: flags (linkat_flags = Linux AT_*) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_unlink, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_UNLINK_2_X);
	F4J_PATH_ARG(&e, regs, 0); /* param 2: path (PT_FSPATH) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_unlinkat, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_UNLINKAT_2_X);
	F4J_FD_ARG(&e, regs, 0);   /* param 2: dirfd (PT_FD) */
	F4J_PATH_ARG(&e, regs, 1); /* param 3: name (PT_FSRELPATH) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2) & 0x200); /* param 4: flags (AT_REMOVEDIR) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_rename, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_RENAME_X);
	F4J_PATH_ARG(&e, regs, 0); /* param 2: oldpath (PT_FSPATH) */
	F4J_PATH_ARG(&e, regs, 1); /* param 3: newpath (PT_FSPATH) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_renameat, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_RENAMEAT_X);
	F4J_FD_ARG(&e, regs, 0);   /* param 2: olddirfd (PT_FD) */
	F4J_PATH_ARG(&e, regs, 1); /* param 3: oldpath (PT_FSRELPATH) */
	F4J_FD_ARG(&e, regs, 2);   /* param 4: newdirfd (PT_FD) */
	F4J_PATH_ARG(&e, regs, 3); /* param 5: newpath (PT_FSRELPATH) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_renameat2, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_RENAMEAT2_X);
	F4J_FD_ARG(&e, regs, 0);   /* param 2: olddirfd (PT_FD) */
	F4J_PATH_ARG(&e, regs, 1); /* param 3: oldpath (PT_FSRELPATH) */
	F4J_FD_ARG(&e, regs, 2);   /* param 4: newdirfd (PT_FD) */
	F4J_PATH_ARG(&e, regs, 3); /* param 5: newpath (PT_FSRELPATH) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 4) & 0x7); /* param 6: flags (renameat2_flags = Linux RENAME_*) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_mkdir, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_MKDIR_2_X);
	F4J_PATH_ARG(&e, regs, 0);                  /* param 2: path (PT_FSPATH) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1));    /* param 3: mode (PT_UINT32) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_mkdirat, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_MKDIRAT_X);
	F4J_FD_ARG(&e, regs, 0);                    /* param 2: dirfd (PT_FD) */
	F4J_PATH_ARG(&e, regs, 1);                  /* param 3: path (PT_FSRELPATH) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2));    /* param 4: mode (PT_UINT32) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_rmdir, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_RMDIR_2_X);
	F4J_PATH_ARG(&e, regs, 0); /* param 2: path (PT_FSPATH) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_chmod, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_CHMOD_X);
	F4J_PATH_ARG(&e, regs, 0);                         /* param 2: filename (PT_FSPATH) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1) & 07777);   /* param 3: mode (PT_MODE: Linux bits) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_fchmod, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_FCHMOD_X);
	F4J_FD_ARG(&e, regs, 0);                           /* param 2: fd (PT_FD) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1) & 07777);   /* param 3: mode (PT_MODE) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_fchmodat, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_FCHMODAT_X);
	F4J_FD_ARG(&e, regs, 0);                           /* param 2: dirfd (PT_FD) */
	F4J_PATH_ARG(&e, regs, 1);                         /* param 3: filename (PT_FSRELPATH) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2) & 07777);   /* param 4: mode (PT_MODE) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_mount, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_MOUNT_X);
	F4J_PATH_ARG(&e, regs, 0); /* param 2: dev (PT_CHARBUF) */
	F4J_PATH_ARG(&e, regs, 1); /* param 3: dir (PT_FSPATH) */
	F4J_PATH_ARG(&e, regs, 2); /* param 4: type (PT_CHARBUF) */
	u32 flags = (u32)f4j_arg(regs, 3);
	if ((flags & 0xffff0000) == 0xc0ed0000) /* the historic MS_MGC_VAL magic carries no flag */
		flags &= 0xffff;
	f4j_push_u32(&e, flags);   /* param 5: flags (mount_flags = Linux MS_*) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_umount2, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_UMOUNT2_X);
	F4J_PATH_ARG(&e, regs, 0);                      /* param 2: name (PT_FSPATH) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1) & 0xf);  /* param 3: flags (umount_flags = Linux MNT_*) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_chroot, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_CHROOT_X);
	F4J_PATH_ARG(&e, regs, 0); /* param 2: path (PT_FSPATH) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_memfd_create, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_MEMFD_CREATE_X);
	F4J_PATH_ARG(&e, regs, 0);                      /* param 2: name (PT_CHARBUF) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1) & 0x7);  /* param 3: flags (memfd_create_flags = Linux MFD_*) */
	f4j_submit(&e);
	return 0;
}
