/* procops.bpf.c: process-level calls the rules and the state tracker look at: ptrace, setns, unshare,
 * prctl, setsid, setpgid, capset, setreuid, setregid, init_module, finit_module, kill, tgkill. */
#include "../helpers/task.h"
#include "../helpers/flags.h"
#include "../helpers/args.h"

#define F4J_BEGIN(e, SYM)                                                   \
	struct f4j_evt e;                                                   \
	if (f4j_begin(&e, F4J_EVT_##SYM, F4J_EVT_##SYM##_NPARAMS))          \
		return 0;                                                   \
	f4j_push_s64(&e, ret) /* param 1: res (PT_ERRNO) */

#define F4J_PR_SET_NAME 15
#define F4J_PR_GET_NAME 16
#define F4J_SNAPLEN 80

/* Linux ptrace request to the ptrace_requests enumeration (flags-table.tsv). */
static __always_inline u16 f4j_ptrace_request(u64 req)
{
	if (req <= 9) /* TRACEME, PEEKTEXT..POKEUSR, CONT, KILL, SINGLESTEP: shifted by one */
		return (u16)(req + 1);
	switch (req) {
	case 12: return F4J_PPM_PTRACE_REQUESTS_PTRACE_GETREGS;
	case 13: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SETREGS;
	case 14: return F4J_PPM_PTRACE_REQUESTS_PTRACE_GETFPREGS;
	case 15: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SETFPREGS;
	case 16: return F4J_PPM_PTRACE_REQUESTS_PTRACE_ATTACH;
	case 17: return F4J_PPM_PTRACE_REQUESTS_PTRACE_DETACH;
	case 18: return F4J_PPM_PTRACE_REQUESTS_PTRACE_GETFPXREGS;
	case 19: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SETFPXREGS;
	case 21: return F4J_PPM_PTRACE_REQUESTS_PTRACE_OLDSETOPTIONS;
	case 24: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SYSCALL;
	case 25: return F4J_PPM_PTRACE_REQUESTS_PTRACE_GET_THREAD_AREA;
	case 26: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SET_THREAD_AREA;
	case 30: return F4J_PPM_PTRACE_REQUESTS_PTRACE_ARCH_PRCTL;
	case 31: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SYSEMU;
	case 32: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SYSEMU_SINGLESTEP;
	case 33: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SINGLEBLOCK;
	case 0x4200: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SETOPTIONS;
	case 0x4201: return F4J_PPM_PTRACE_REQUESTS_PTRACE_GETEVENTMSG;
	case 0x4202: return F4J_PPM_PTRACE_REQUESTS_PTRACE_GETSIGINFO;
	case 0x4203: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SETSIGINFO;
	case 0x4204: return F4J_PPM_PTRACE_REQUESTS_PTRACE_GETREGSET;
	case 0x4205: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SETREGSET;
	case 0x4206: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SEIZE;
	case 0x4207: return F4J_PPM_PTRACE_REQUESTS_PTRACE_INTERRUPT;
	case 0x4208: return F4J_PPM_PTRACE_REQUESTS_PTRACE_LISTEN;
	case 0x4209: return F4J_PPM_PTRACE_REQUESTS_PTRACE_PEEKSIGINFO;
	case 0x420a: return F4J_PPM_PTRACE_REQUESTS_PTRACE_GETSIGMASK;
	case 0x420b: return F4J_PPM_PTRACE_REQUESTS_PTRACE_SETSIGMASK;
	default: return F4J_PPM_PTRACE_REQUESTS_PTRACE_UNKNOWN;
	}
}

/* ptrace_dynamic_param selectors (dynamic-params.tsv). */
#define F4J_PTRACE_IDX_UINT64 0
#define F4J_PTRACE_IDX_SIGTYPE 1

/* PT_DYN holding a PT_UINT64: selector byte, then the value. */
static __always_inline void f4j_push_dyn_u64(struct f4j_evt *e, u64 v)
{
	u8 *dst = e->buf + (e->off & F4J_OFF_MASK);
	dst[0] = F4J_PTRACE_IDX_UINT64;
	__builtin_memcpy(dst + 1, &v, 8);
	f4j_param_done(e, 9);
}

/* PT_DYN holding a PT_SIGTYPE: selector byte, then the signal number. */
static __always_inline void f4j_push_dyn_sig(struct f4j_evt *e, u8 sig)
{
	u8 *dst = e->buf + (e->off & F4J_OFF_MASK);
	dst[0] = F4J_PTRACE_IDX_SIGTYPE;
	dst[1] = sig;
	f4j_param_done(e, 2);
}

/* ptrace's data argument means different things per request, and Falco's drivers store it that way:
 * the word a PEEK request fetched (the kernel wrote it to *data), the signal a resuming request
 * delivers, the raw value otherwise; 0 when the call failed. */
static __always_inline void f4j_push_ptrace_data(struct f4j_evt *e, long ret, u16 request, u64 data)
{
	if (ret < 0) {
		f4j_push_dyn_u64(e, 0);
		return;
	}
	switch (request) {
	case F4J_PPM_PTRACE_REQUESTS_PTRACE_PEEKTEXT:
	case F4J_PPM_PTRACE_REQUESTS_PTRACE_PEEKDATA:
	case F4J_PPM_PTRACE_REQUESTS_PTRACE_PEEKUSR: {
		u64 word = 0;
		bpf_probe_read_user(&word, sizeof(word), (const void *)data);
		f4j_push_dyn_u64(e, word);
		return;
	}
	case F4J_PPM_PTRACE_REQUESTS_PTRACE_CONT:
	case F4J_PPM_PTRACE_REQUESTS_PTRACE_SINGLESTEP:
	case F4J_PPM_PTRACE_REQUESTS_PTRACE_DETACH:
	case F4J_PPM_PTRACE_REQUESTS_PTRACE_SYSCALL:
		f4j_push_dyn_sig(e, (u8)data);
		return;
	default:
		f4j_push_dyn_u64(e, data);
	}
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_ptrace, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_PTRACE_X);
	u16 request = f4j_ptrace_request(f4j_arg(regs, 0));
	f4j_push_dyn_u64(&e, ret < 0 ? 0 : f4j_arg(regs, 2));          /* param 2: addr (PT_DYN) */
	f4j_push_ptrace_data(&e, ret, request, f4j_arg(regs, 3));     /* param 3: data (PT_DYN) */
	f4j_push_u16(&e, request);                                     /* param 4: request (PT_ENUMFLAGS16) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 1));                       /* param 5: pid (PT_PID) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setns, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SETNS_X);
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: fd (PT_FD) */
	f4j_push_u32(&e, f4j_clone_flags(f4j_arg(regs, 1)));           /* param 3: nstype (PT_FLAGS32, clone_flags) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_unshare, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_UNSHARE_X);
	f4j_push_u32(&e, f4j_clone_flags(f4j_arg(regs, 0)));           /* param 2: flags (PT_FLAGS32, clone_flags) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_prctl, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_PRCTL_X);
	u64 option = f4j_arg(regs, 0);
	u64 arg2 = f4j_arg(regs, 1);
	f4j_push_u32(&e, (u32)option);                                 /* param 2: option (prctl_options = Linux PR_*) */
	if (option == F4J_PR_SET_NAME || option == F4J_PR_GET_NAME) {
		f4j_push_user_str(&e, (const void *)arg2);             /* param 3: arg2_str (PT_CHARBUF) */
		f4j_push_s64(&e, 0);                                   /* param 4: arg2_int (PT_INT64) */
	} else {
		f4j_push_empty(&e);
		f4j_push_s64(&e, (s64)arg2);
	}
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setsid, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SETSID_X);
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setpgid, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SETPGID_X);
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: pid (PT_PID) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 1));                       /* param 3: pgid (PT_PID) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_capset, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_CAPSET_X);
	/* The capabilities the thread holds after the call. */
	const struct cred *cred = BPF_CORE_READ(f4j_current(), cred);
	f4j_push_u64(&e, f4j_cap(&cred->cap_inheritable));             /* param 2: cap_inheritable */
	f4j_push_u64(&e, f4j_cap(&cred->cap_permitted));               /* param 3: cap_permitted */
	f4j_push_u64(&e, f4j_cap(&cred->cap_effective));               /* param 4: cap_effective */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setreuid, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SETREUID_X);
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));                       /* param 2: ruid (PT_UID) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1));                       /* param 3: euid (PT_UID) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_setregid, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_SETREGID_X);
	f4j_push_u32(&e, (u32)f4j_arg(regs, 0));                       /* param 2: rgid */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 1));                       /* param 3: egid */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_init_module, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_INIT_MODULE_X);
	u64 len = f4j_arg(regs, 1);
	f4j_push_user_bytes(&e, (const void *)f4j_arg(regs, 0), len < F4J_SNAPLEN ? (u32)len : F4J_SNAPLEN); /* param 2: img */
	f4j_push_u64(&e, len);                                         /* param 3: length (PT_UINT64) */
	f4j_push_user_str(&e, (const void *)f4j_arg(regs, 2));         /* param 4: uargs (PT_CHARBUF) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_finit_module, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_FINIT_MODULE_X);
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: fd (PT_FD) */
	f4j_push_user_str(&e, (const void *)f4j_arg(regs, 1));         /* param 3: uargs (PT_CHARBUF) */
	f4j_push_u32(&e, (u32)f4j_arg(regs, 2) & 0x7);                 /* param 4: flags (finit_module_flags = Linux) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_kill, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_KILL_X);
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: pid (PT_PID) */
	f4j_push_u8(&e, (u8)f4j_arg(regs, 1));                         /* param 3: sig (PT_SIGTYPE) */
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_tgkill, struct pt_regs *regs, long ret)
{
	F4J_BEGIN(e, SYSCALL_TGKILL_X);
	f4j_push_s64(&e, (s32)f4j_arg(regs, 0));                       /* param 2: pid (PT_PID) */
	f4j_push_s64(&e, (s32)f4j_arg(regs, 1));                       /* param 3: tid (PT_PID) */
	f4j_push_u8(&e, (u8)f4j_arg(regs, 2));                         /* param 4: sig (PT_SIGTYPE) */
	f4j_submit(&e);
	return 0;
}
