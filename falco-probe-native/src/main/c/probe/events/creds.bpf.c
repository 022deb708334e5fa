/* creds.bpf.c: credential changes: setuid, setgid, setresuid, setresgid. */
#include "../helpers/store.h"
#include "../helpers/args.h"

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setuid, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_SETUID_X, F4J_EVT_SYSCALL_SETUID_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                     /* param 1: res (PT_ERRNO) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));   /* param 2: uid (PT_UID) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setgid, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_SYSCALL_SETGID_X, F4J_EVT_SYSCALL_SETGID_X_NPARAMS))
		return 0;
	f4j_push_s64(&e, ret);                     /* param 1: res (PT_ERRNO) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));   /* param 2: gid (PT_GID) */
	f4j_submit(&e);
	return 0;
}

static __always_inline void f4j_setres_exit(struct pt_regs *regs, long ret, u16 type, u32 nparams)
{
	struct f4j_evt e;
	if (f4j_begin(&e, type, nparams))
		return;
	f4j_push_s64(&e, ret);                     /* param 1: res (PT_ERRNO) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));   /* param 2: ruid / rgid */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1));   /* param 3: euid / egid */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2));   /* param 4: suid / sgid */
	f4j_submit(&e);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setresuid, struct pt_regs *regs, long ret)
{
	f4j_setres_exit(regs, ret, F4J_EVT_SYSCALL_SETRESUID_X, F4J_EVT_SYSCALL_SETRESUID_X_NPARAMS);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setresgid, struct pt_regs *regs, long ret)
{
	f4j_setres_exit(regs, ret, F4J_EVT_SYSCALL_SETRESGID_X, F4J_EVT_SYSCALL_SETRESGID_X_NPARAMS);
	return 0;
}
