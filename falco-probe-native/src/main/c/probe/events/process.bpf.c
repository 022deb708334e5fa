/* process.bpf.c: process lifecycle. clone/fork/vfork/clone3 exit (in parent and child), execve and
 * execveat exit, procexit (sched_process_exit), and the exec file name kept at sched_process_exec. */
#include "../helpers/task.h"
#include "../helpers/flags.h"
#include "../helpers/args.h"
#include "../helpers/cgroup.h"

#define F4J_CAP_DAC_OVERRIDE 1
#define F4J_S_IWOTH 00002
#define F4J_S_IWGRP 00020
#define F4J_S_IWUSR 00200

/* The 21 params shared by clone (223), fork (225), vfork (227) and clone3 (335). */
static __always_inline void f4j_clone_exit(struct pt_regs *regs, long ret, u16 type, u32 nparams, u64 lx_flags)
{
	struct f4j_evt e;
	if (f4j_begin(&e, type, nparams))
		return;
	struct task_struct *task = f4j_current();
	f4j_push_s64(&e, ret);              /* param 1: res (PT_PID) */
	f4j_push_exe_and_args(&e, task);    /* param 2: exe (PT_CHARBUF), param 3: args (PT_BYTEBUF) */
	f4j_push_ids(&e, task);             /* param 4-6: tid, pid, ptid (PT_PID) */
	f4j_push_cwd(&e, task);             /* param 7: cwd (PT_CHARBUF) */
	f4j_push_fdlimit(&e, task);         /* param 8: fdlimit (PT_INT64) */
	f4j_push_mem(&e, task);             /* param 9-13: pgft_maj, pgft_min, vm_size, vm_rss, vm_swap */
	f4j_push_comm(&e, task);            /* param 14: comm (PT_CHARBUF) */
	f4j_push_cgroups(&e, task);         /* param 15: cgroups (PT_BYTEBUF) */
	struct pid *tpid = BPF_CORE_READ(task, thread_pid);
	s64 vtid = f4j_pid_vnr(tpid);
	s64 vpid = f4j_pid_vnr(BPF_CORE_READ(task, group_leader, thread_pid));
	u32 flags = f4j_clone_flags(lx_flags);
	if (vtid != BPF_CORE_READ(task, pid))
		flags |= F4J_PPM_CLONE_FLAGS_CLONE_CHILD_IN_PIDNS;
	f4j_push_u32(&e, flags);            /* param 16: flags (PT_FLAGS32, clone_flags) */
	f4j_push_u32(&e, BPF_CORE_READ(task, cred, euid.val)); /* param 17: uid (PT_UINT32) */
	f4j_push_u32(&e, BPF_CORE_READ(task, cred, egid.val)); /* param 18: gid (PT_UINT32) */
	f4j_push_s64(&e, vtid);             /* param 19: vtid (PT_PID) */
	f4j_push_s64(&e, vpid);             /* param 20: vpid (PT_PID) */
	/* param 21: pidns_init_start_ts (PT_UINT64): start of the pid namespace's init, ns since boot */
	f4j_push_u64(&e, BPF_CORE_READ(task, nsproxy, pid_ns_for_children, child_reaper, start_time));
	f4j_submit(&e);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_clone, struct pt_regs *regs, long ret)
{
	f4j_clone_exit(regs, ret, F4J_EVT_SYSCALL_CLONE_20_X, F4J_EVT_SYSCALL_CLONE_20_X_NPARAMS, f4j_arg(regs, 0));
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_fork, struct pt_regs *regs, long ret)
{
	f4j_clone_exit(regs, ret, F4J_EVT_SYSCALL_FORK_20_X, F4J_EVT_SYSCALL_FORK_20_X_NPARAMS, 0);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_vfork, struct pt_regs *regs, long ret)
{
	/* vfork is clone(CLONE_VM | CLONE_VFORK). */
	f4j_clone_exit(regs, ret, F4J_EVT_SYSCALL_VFORK_20_X, F4J_EVT_SYSCALL_VFORK_20_X_NPARAMS, 0x00004100);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_clone3, struct pt_regs *regs, long ret)
{
	u64 flags = 0;
	/* struct clone_args starts with u64 flags. */
	bpf_probe_read_user(&flags, sizeof(flags), (void *)f4j_arg(regs, 0));
	f4j_clone_exit(regs, ret, F4J_EVT_SYSCALL_CLONE3_X, F4J_EVT_SYSCALL_CLONE3_X_NPARAMS, flags);
	return 0;
}

static __always_inline u32 f4j_exe_flags(struct task_struct *task, struct file *exe)
{
	u32 flags = 0;
	struct inode *inode = BPF_CORE_READ(exe, f_inode);
	if (!inode)
		return 0;
	u32 mode = BPF_CORE_READ(inode, i_mode);
	u32 i_uid = BPF_CORE_READ(inode, i_uid.val);
	u32 i_gid = BPF_CORE_READ(inode, i_gid.val);
	u32 fsuid = BPF_CORE_READ(task, cred, fsuid.val);
	u32 fsgid = BPF_CORE_READ(task, cred, fsgid.val);
	const struct cred *cred = BPF_CORE_READ(task, cred);
	u64 caps = f4j_cap(&cred->cap_effective);
	bool writable = (mode & F4J_S_IWOTH) || (i_uid == fsuid && (mode & F4J_S_IWUSR)) ||
			(i_gid == fsgid && (mode & F4J_S_IWGRP)) || (caps & (1ULL << F4J_CAP_DAC_OVERRIDE));
	if (writable)
		flags |= F4J_PPM_EXECVE_FLAGS_EXE_WRITABLE;
	/* memfd files are named "memfd:<name>" (shmem inodes, see mm/memfd.c). */
	char prefix[6] = {};
	bpf_probe_read_kernel(prefix, sizeof(prefix), BPF_CORE_READ(exe, f_path.dentry, d_name.name));
	if (prefix[0] == 'm' && prefix[1] == 'e' && prefix[2] == 'm' && prefix[3] == 'f' && prefix[4] == 'd' &&
	    prefix[5] == ':')
		flags |= F4J_PPM_EXECVE_FLAGS_EXE_FROM_MEMFD;
	return flags;
}

/* execve (293, 31 params) and execveat (331: the same 30 params without the trailing filename).
 * Too many parameters for one program: params 1-16 here, 17-31 in f4j_x_exec_part2. */
#define F4J_EXEC_AT 1

static __always_inline void f4j_exec_exit(void *ctx_of_exec, struct pt_regs *regs, long ret, u16 type, u32 nparams, bool at)
{
	struct f4j_evt e;
	if (f4j_begin(&e, type, nparams))
		return;
	struct task_struct *task = f4j_current();
	f4j_push_s64(&e, ret);              /* param 1: res (PT_ERRNO) */
	f4j_push_exe_and_args(&e, task);    /* param 2: exe (PT_CHARBUF), param 3: args (PT_BYTEBUF) */
	f4j_push_ids(&e, task);             /* param 4-6: tid, pid, ptid (PT_PID) */
	f4j_push_cwd(&e, task);             /* param 7: cwd (PT_CHARBUF) */
	f4j_push_fdlimit(&e, task);         /* param 8: fdlimit (PT_UINT64) */
	f4j_push_mem(&e, task);             /* param 9-13: pgft_maj, pgft_min, vm_size, vm_rss, vm_swap */
	f4j_push_comm(&e, task);            /* param 14: comm (PT_CHARBUF) */
	f4j_push_cgroups(&e, task);         /* param 15: cgroups (PT_BYTEBUF) */
	f4j_push_env(&e, task);             /* param 16: env (PT_BYTEBUF) */
	if (f4j_save(&e, at ? F4J_EXEC_AT : 0))
		return;
	bpf_tail_call(ctx_of_exec, &f4j_continuations, F4J_CONT_EXEC);
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_exec_part2, struct pt_regs *regs, long ret)
{
	struct f4j_evt e;
	int flags = f4j_resume(&e);
	if (flags < 0)
		return 0;
	struct task_struct *task = f4j_current();
	f4j_push_u32(&e, f4j_tty(task));    /* param 17: tty (PT_UINT32) */
	struct pid *pgrp = BPF_CORE_READ(task, signal, pids[PIDTYPE_PGID]);
	f4j_push_s64(&e, f4j_pid_vnr(pgrp)); /* param 18: vpgid (PT_PID) */
	f4j_push_u32(&e, BPF_CORE_READ(task, loginuid.val)); /* param 19: loginuid (PT_UID) */
	struct file *exe = BPF_CORE_READ(task, mm, exe_file);
	f4j_push_u32(&e, exe ? f4j_exe_flags(task, exe) : 0); /* param 20: flags (PT_FLAGS32, execve_flags) */
	struct cred *cred = (struct cred *)BPF_CORE_READ(task, cred);
	f4j_push_u64(&e, f4j_cap(&cred->cap_inheritable)); /* param 21: cap_inheritable (PT_UINT64) */
	f4j_push_u64(&e, f4j_cap(&cred->cap_permitted));   /* param 22: cap_permitted (PT_UINT64) */
	f4j_push_u64(&e, f4j_cap(&cred->cap_effective));   /* param 23: cap_effective (PT_UINT64) */
	struct inode *inode = exe ? BPF_CORE_READ(exe, f_inode) : NULL;
	f4j_push_u64(&e, inode ? BPF_CORE_READ(inode, i_ino) : 0); /* param 24: exe_ino (PT_UINT64) */
	f4j_push_u64(&e, inode ? f4j_inode_ctime(inode) : 0);      /* param 25: exe_ino_ctime (PT_ABSTIME) */
	f4j_push_u64(&e, inode ? f4j_inode_mtime(inode) : 0);      /* param 26: exe_ino_mtime (PT_ABSTIME) */
	f4j_push_u32(&e, BPF_CORE_READ(cred, euid.val)); /* param 27: uid (PT_UID) */
	if (exe) {                                        /* param 28: trusted_exepath (PT_FSPATH) */
		struct path p;
		bpf_core_read(&p, sizeof(p), &exe->f_path);
		f4j_push_path(&e, &p);
	} else {
		f4j_push_empty(&e);
	}
	f4j_push_s64(&e, f4j_pid_nr(pgrp));               /* param 29: pgid (PT_PID) */
	f4j_push_u32(&e, BPF_CORE_READ(cred, egid.val)); /* param 30: gid (PT_GID) */
	if (!(flags & F4J_EXEC_AT)) {                     /* param 31 (execve only): filename (PT_FSPATH) */
		if (ret == 0) {
			/* The pointer passed to execve belonged to the old image: use what exec loaded. */
			u32 tid = (u32)bpf_get_current_pid_tgid();
			struct f4j_exec_filename *f = bpf_map_lookup_elem(&f4j_exec_filenames, &tid);
			if (f) {
				f4j_push_kernel_str(&e, f->name);
				bpf_map_delete_elem(&f4j_exec_filenames, &tid);
			} else {
				f4j_push_empty(&e);
			}
		} else {
			f4j_push_user_str(&e, (const void *)f4j_arg(regs, 0));
		}
	}
	f4j_submit(&e);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_execve, struct pt_regs *regs, long ret)
{
	f4j_exec_exit(ctx, regs, ret, F4J_EVT_SYSCALL_EXECVE_19_X, F4J_EVT_SYSCALL_EXECVE_19_X_NPARAMS, false);
	return 0;
}

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_x_execveat, struct pt_regs *regs, long ret)
{
	f4j_exec_exit(ctx, regs, ret, F4J_EVT_SYSCALL_EXECVEAT_X, F4J_EVT_SYSCALL_EXECVEAT_X_NPARAMS, true);
	return 0;
}

/* Keeps bprm->filename for the execve exit event of this thread. */
SEC("tp_btf/sched_process_exec")
int BPF_PROG(f4j_sched_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct f4j_settings *s = f4j_settings();
	if (!s || !s->capture_enabled)
		return 0;
	u32 tid = (u32)bpf_get_current_pid_tgid();
	u32 nr = 59; /* execve: only needed when its exit is selected */
	u8 *selected = bpf_map_lookup_elem(&f4j_interesting, &nr);
	if (!selected || *selected == F4J_SEL_OFF)
		return 0;
	u32 cpu = bpf_get_smp_processor_id();
	struct f4j_path_area *area = bpf_map_lookup_elem(&f4j_paths, &cpu);
	if (!area)
		return 0;
	/* Fill a zeroed-enough value in the per-CPU area, then store it (hash values cannot be built in place). */
	area->data[0] = 0;
	bpf_probe_read_kernel_str(area->data, F4J_MAX_PARAM_SIZE, BPF_CORE_READ(bprm, filename));
	bpf_map_update_elem(&f4j_exec_filenames, &tid, area->data, BPF_ANY);
	return 0;
}

/* procexit (186): one per exiting thread. */
SEC("tp_btf/sched_process_exit")
int BPF_PROG(f4j_sched_exit, struct task_struct *p)
{
	struct f4j_settings *s = f4j_settings();
	if (!s || !s->capture_enabled)
		return 0;
	u32 key = F4J_TP_PROCEXIT;
	u8 *selected = bpf_map_lookup_elem(&f4j_interesting_tp, &key);
	if (!selected || *selected == F4J_SEL_OFF)
		return 0;
	if (s->excluded_tgid && (u32)(bpf_get_current_pid_tgid() >> 32) == s->excluded_tgid)
		return 0;
	struct task_struct *task = f4j_current();
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_PROCEXIT_1_E, F4J_EVT_PROCEXIT_1_E_NPARAMS))
		return 0;
	s64 code = BPF_CORE_READ(task, exit_code);
	f4j_push_s64(&e, code);                         /* param 1: status (PT_ERRNO) */
	f4j_push_s64(&e, (code >> 8) & 0xff);           /* param 2: ret (PT_ERRNO): the exit status */
	f4j_push_u8(&e, (u8)(code & 0x7f));             /* param 3: sig (PT_SIGTYPE): terminating signal */
	f4j_push_u8(&e, (code & 0x80) ? 1 : 0);         /* param 4: core (PT_UINT8) */
	f4j_push_s64(&e, 0);                            /* param 5: reaper_tid (PT_PID): not computed */
	f4j_submit(&e);
	return 0;
}
