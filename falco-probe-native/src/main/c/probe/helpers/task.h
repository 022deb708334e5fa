/* task.h: values read from the current task (process tree, credentials, memory, limits) for the
 * process events (clone/fork/vfork/clone3/execve/execveat exit). */
#ifndef F4J_TASK_H
#define F4J_TASK_H

#include "path.h"

#define F4J_RLIMIT_NOFILE 7
#define F4J_PAGE_SHIFT 12
/* mm_struct rss_stat indexes (enum mm_counter_type). */
#define F4J_MM_FILEPAGES 0
#define F4J_MM_ANONPAGES 1
#define F4J_MM_SWAPENTS 2
#define F4J_MM_SHMEMPAGES 3

static __always_inline struct task_struct *f4j_current(void)
{
	return (struct task_struct *)bpf_get_current_task();
}

/* Layouts of older kernels, matched by CO-RE (libbpf ignores the ___f4j_* suffix when it looks the
 * type up in the running kernel's BTF). Each reader asks which layout the kernel has
 * (bpf_core_field_exists is resolved at load time, so the other branch is dead code the verifier
 * never sees), newest first:
 *   mm counters   6.2+: mm->rss_stat[i] is a struct percpu_counter (its approximate sum in .count)
 *                 older: mm->rss_stat is one struct mm_rss_stat of atomic longs, .count[i].counter
 *   inode times   6.11+: i_ctime_sec/i_ctime_nsec, i_mtime_sec/i_mtime_nsec
 *                 6.6-6.10: struct timespec64 __i_ctime; __i_mtime from 6.7 (6.6 still has i_mtime)
 *                 older: struct timespec64 i_ctime, i_mtime */
struct mm_rss_stat___f4j_old {
	atomic_long_t count[4];
} __attribute__((preserve_access_index));

struct mm_struct___f4j_old {
	struct mm_rss_stat___f4j_old rss_stat;
} __attribute__((preserve_access_index));

struct inode___f4j_6_6 {
	struct timespec64 __i_ctime;
	struct timespec64 __i_mtime;
} __attribute__((preserve_access_index));

struct inode___f4j_old {
	struct timespec64 i_ctime;
	struct timespec64 i_mtime;
} __attribute__((preserve_access_index));

static __always_inline s64 f4j_rss_counter(struct mm_struct *mm, int which)
{
	s64 v;
	if (bpf_core_field_exists(mm->rss_stat[0].count))
		v = BPF_CORE_READ(mm, rss_stat[which].count);
	else
		v = BPF_CORE_READ((struct mm_struct___f4j_old *)mm, rss_stat.count[which].counter);
	return v < 0 ? 0 : v;
}

/* pid number of `pid` as seen in its own (innermost) namespace. */
static __always_inline s64 f4j_pid_vnr(struct pid *pid)
{
	if (!pid)
		return 0;
	unsigned int level = BPF_CORE_READ(pid, level);
	return BPF_CORE_READ(pid, numbers[level].nr);
}

static __always_inline s64 f4j_pid_nr(struct pid *pid)
{
	if (!pid)
		return 0;
	return BPF_CORE_READ(pid, numbers[0].nr);
}

/* exe (argv[0]) then args (the other arguments, NUL separated), from the task's argument area. */
static __always_inline void f4j_push_exe_and_args(struct f4j_evt *e, struct task_struct *task)
{
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	unsigned long start = mm ? BPF_CORE_READ(mm, arg_start) : 0;
	unsigned long end = mm ? BPF_CORE_READ(mm, arg_end) : 0;
	if (!mm || end <= start) {
		f4j_push_empty(e);
		f4j_push_empty(e);
		return;
	}
	u32 exe_len = f4j_push_user_str(e, (const void *)start);
	unsigned long total = end - start;
	if (exe_len >= total) {
		f4j_push_empty(e);
		return;
	}
	f4j_push_user_bytes(e, (const void *)(start + exe_len), (u32)(total - exe_len));
}

static __always_inline void f4j_push_env(struct f4j_evt *e, struct task_struct *task)
{
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	unsigned long start = mm ? BPF_CORE_READ(mm, env_start) : 0;
	unsigned long end = mm ? BPF_CORE_READ(mm, env_end) : 0;
	if (!mm || end <= start) {
		f4j_push_empty(e);
		return;
	}
	f4j_push_user_bytes(e, (const void *)start, (u32)(end - start));
}

static __always_inline void f4j_push_cwd(struct f4j_evt *e, struct task_struct *task)
{
	struct fs_struct *fs = BPF_CORE_READ(task, fs);
	if (!fs) {
		f4j_push_empty(e);
		return;
	}
	struct path pwd;
	if (bpf_core_read(&pwd, sizeof(pwd), &fs->pwd)) {
		f4j_push_empty(e);
		return;
	}
	f4j_push_path(e, &pwd);
}

/* tid, pid, ptid (parent of the thread group as the kernel sees it: real_parent). */
static __always_inline void f4j_push_ids(struct f4j_evt *e, struct task_struct *task)
{
	f4j_push_s64(e, BPF_CORE_READ(task, pid));
	f4j_push_s64(e, BPF_CORE_READ(task, tgid));
	f4j_push_s64(e, BPF_CORE_READ(task, real_parent, tgid));
}

/* pgft_maj, pgft_min, vm_size, vm_rss, vm_swap (KiB). */
static __always_inline void f4j_push_mem(struct f4j_evt *e, struct task_struct *task)
{
	f4j_push_u64(e, BPF_CORE_READ(task, maj_flt));
	f4j_push_u64(e, BPF_CORE_READ(task, min_flt));
	struct mm_struct *mm = BPF_CORE_READ(task, mm);
	if (!mm) {
		f4j_push_u32(e, 0);
		f4j_push_u32(e, 0);
		f4j_push_u32(e, 0);
		return;
	}
	u64 kib_per_page = 1 << (F4J_PAGE_SHIFT - 10);
	u64 total_vm = BPF_CORE_READ(mm, total_vm);
	s64 rss = f4j_rss_counter(mm, F4J_MM_FILEPAGES) + f4j_rss_counter(mm, F4J_MM_ANONPAGES) +
		  f4j_rss_counter(mm, F4J_MM_SHMEMPAGES);
	s64 swap = f4j_rss_counter(mm, F4J_MM_SWAPENTS);
	f4j_push_u32(e, (u32)(total_vm * kib_per_page));
	f4j_push_u32(e, (u32)(rss * kib_per_page));
	f4j_push_u32(e, (u32)(swap * kib_per_page));
}

static __always_inline void f4j_push_fdlimit(struct f4j_evt *e, struct task_struct *task)
{
	f4j_push_s64(e, (s64)BPF_CORE_READ(task, signal, rlim[F4J_RLIMIT_NOFILE].rlim_cur));
}

static __always_inline void f4j_push_comm(struct f4j_evt *e, struct task_struct *task)
{
	char comm[16];
	if (bpf_core_read_str(comm, sizeof(comm), &task->comm) <= 0) {
		f4j_push_empty(e);
		return;
	}
	f4j_push_kernel_str(e, comm);
}

/* Controlling terminal as an encoded device number (0 = none), like new_encode_dev(tty device). */
static __always_inline u32 f4j_tty(struct task_struct *task)
{
	struct tty_struct *tty = BPF_CORE_READ(task, signal, tty);
	if (!tty)
		return 0;
	int index = BPF_CORE_READ(tty, index);
	int major = BPF_CORE_READ(tty, driver, major);
	int minor = BPF_CORE_READ(tty, driver, minor_start) + index;
	return (u32)((minor & 0xff) | (major << 8) | ((minor & ~0xff) << 12));
}

static __always_inline u64 f4j_cap(const kernel_cap_t *cap)
{
	u64 v = 0;
	/* kernel_cap_t is one u64 since 6.3 and two u32 before: 8 bytes either way, little-endian. */
	bpf_probe_read_kernel(&v, sizeof(v), cap);
	return v;
}

static __always_inline u64 f4j_timespec_ns(const struct timespec64 *t)
{
	return (u64)BPF_CORE_READ(t, tv_sec) * 1000000000ULL + BPF_CORE_READ(t, tv_nsec);
}

/* An exe inode's change and modification times in ns since the epoch (layouts: see above). */
static __always_inline u64 f4j_inode_ctime(struct inode *inode)
{
	/* Since 6.13 the top bit of i_ctime_nsec flags a queried ctime (multigrain timestamps, I_CTIME_QUERIED);
	 * a nanosecond count never reaches it, so masking is right on 6.11 and 6.12 too. */
	if (bpf_core_field_exists(inode->i_ctime_sec))
		return (u64)BPF_CORE_READ(inode, i_ctime_sec) * 1000000000ULL +
		       (BPF_CORE_READ(inode, i_ctime_nsec) & 0x7fffffffU);
	struct inode___f4j_6_6 *mid = (void *)inode;
	if (bpf_core_field_exists(mid->__i_ctime))
		return f4j_timespec_ns(&mid->__i_ctime);
	return f4j_timespec_ns(&((struct inode___f4j_old *)inode)->i_ctime);
}

static __always_inline u64 f4j_inode_mtime(struct inode *inode)
{
	if (bpf_core_field_exists(inode->i_mtime_sec))
		return (u64)BPF_CORE_READ(inode, i_mtime_sec) * 1000000000ULL + BPF_CORE_READ(inode, i_mtime_nsec);
	struct inode___f4j_6_6 *mid = (void *)inode;
	if (bpf_core_field_exists(mid->__i_mtime))
		return f4j_timespec_ns(&mid->__i_mtime);
	return f4j_timespec_ns(&((struct inode___f4j_old *)inode)->i_mtime);
}

#endif /* F4J_TASK_H */
