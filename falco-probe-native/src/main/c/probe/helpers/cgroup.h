/* cgroup.h: the cgroups param of clone/execve events (PT_BYTEBUF): for every cgroup subsystem of the
 * task, "<subsystem>=<path>" NUL-terminated, in subsystem order (e.g. "cpuset=/\0memory=/a/b\0"). The
 * paths are those of the cgroup hierarchy (kernfs names up to the hierarchy root), as in
 * /proc/PID/cgroup; user space derives container ids from them. */
#ifndef F4J_CGROUP_H
#define F4J_CGROUP_H

#include "store.h"
#include <bpf/bpf_core_read.h>

#define F4J_CGROUP_SUBSYS_MAX 16
#define F4J_CGROUP_DEPTH_MAX 15 /* 15 x 256 bytes < F4J_MAX_PARAM_SIZE */
#define F4J_CGROUP_NAME_MAX 255

/* Kernels before 6.15 call kernfs_node's parent `parent` (now `__parent`). */
struct kernfs_node___f4j_old {
	struct kernfs_node *parent;
} __attribute__((preserve_access_index));

static __always_inline struct kernfs_node *f4j_kn_parent(struct kernfs_node *kn)
{
	if (bpf_core_field_exists(kn->__parent))
		return BPF_CORE_READ(kn, __parent);
	return BPF_CORE_READ((struct kernfs_node___f4j_old *)kn, parent);
}

/* One bpf_loop drives a small state machine (nested loops would multiply the verifier's work): an
 * iteration either starts the next subsystem (writes "<name>="), or climbs one kernfs level
 * (prepends "/<name>" in the path area), or, at the hierarchy root, appends the path and a NUL. */
struct f4j_cgroup_walk {
	struct css_set *cset;
	struct kernfs_node *kn; /* NULL: no subsystem in progress */
	u32 next;               /* next subsystem index */
	u32 count;              /* subsystems in this kernel */
	u32 pos;                /* first byte of the path assembled so far in the path area */
	u32 off;                /* next free byte of the event being built */
	u32 start;              /* where the cgroups param began */
};

static long f4j_cgroup_step(u32 index, void *ctx)
{
	struct f4j_cgroup_walk *w = ctx;
	u32 cpu = bpf_get_smp_processor_id();
	struct f4j_scratch_area *evt = bpf_map_lookup_elem(&f4j_scratch, &cpu);
	struct f4j_path_area *area = bpf_map_lookup_elem(&f4j_paths, &cpu);
	if (!evt || !area)
		return 1;
	/* Local copies: CO-RE macros must not see our own struct (it has no kernel BTF). */
	struct kernfs_node *kn = w->kn;
	struct css_set *cset = w->cset;

	if (!kn) {
		/* Start the next subsystem. */
		u32 i = w->next;
		if (i >= w->count || i >= F4J_CGROUP_SUBSYS_MAX)
			return 1;
		w->next = i + 1;
		struct cgroup_subsys_state *css = NULL;
		bpf_probe_read_kernel(&css, sizeof(css), &cset->subsys[i & (F4J_CGROUP_SUBSYS_MAX - 1)]);
		if (!css)
			return 0;
		const char *ss_name = BPF_CORE_READ(css, ss, name);
		kn = BPF_CORE_READ(css, cgroup, kn);
		if (!ss_name || !kn)
			return 0;
		long n = bpf_probe_read_kernel_str(evt->data + (w->off & F4J_OFF_MASK), 32, ss_name);
		if (n <= 1)
			return 0;
		u32 off = w->off + (u32)(n - 1);
		evt->data[off & F4J_OFF_MASK] = '=';
		w->off = (off + 1) & (F4J_SCRATCH_SIZE - 1);
		w->kn = kn;
		w->pos = F4J_MAX_PARAM_SIZE - 1; /* exclusive end of the path */
		return 0;
	}

	struct kernfs_node *parent = f4j_kn_parent(kn);
	u32 pos = w->pos;
	if (parent && pos > F4J_CGROUP_NAME_MAX + 1) {
		/* Climb one level: "/<name>" goes in front of what we have. */
		const char *name = BPF_CORE_READ(kn, name);
		long n = bpf_probe_read_kernel_str(area->data + F4J_MAX_PARAM_SIZE, F4J_CGROUP_NAME_MAX + 1, name);
		if (n > 1) {
			u32 len = (u32)(n - 1) & F4J_CGROUP_NAME_MAX;
			pos -= len;
			bpf_probe_read_kernel(area->data + (pos & (F4J_MAX_PARAM_SIZE - 1)), len, name);
			pos -= 1;
			area->data[pos & (F4J_MAX_PARAM_SIZE - 1)] = '/';
			/* Stored masked so the verifier sees one bounded range in every iteration and stops. */
			w->pos = pos & (F4J_MAX_PARAM_SIZE - 1);
			w->kn = parent;
			return 0;
		}
	}
	/* At the hierarchy root: append the path ("/" when empty) and a NUL. */
	u32 end = F4J_MAX_PARAM_SIZE - 1;
	if (pos >= end) {
		pos = end - 1;
		area->data[pos & (F4J_MAX_PARAM_SIZE - 1)] = '/';
	}
	u32 len = (end - pos) & (F4J_MAX_PARAM_SIZE - 1);
	u32 off = w->off;
	bpf_probe_read_kernel(evt->data + (off & F4J_OFF_MASK), len, area->data + (pos & (F4J_MAX_PARAM_SIZE - 1)));
	off += len;
	evt->data[off & F4J_OFF_MASK] = 0;
	w->off = (off + 1) & (F4J_SCRATCH_SIZE - 1);
	w->kn = NULL;
	return 0;
}

static __always_inline void f4j_push_cgroups(struct f4j_evt *e, struct task_struct *task)
{
	struct f4j_cgroup_walk w = {
		.cset = BPF_CORE_READ(task, cgroups),
		.count = bpf_core_enum_value(enum cgroup_subsys_id, CGROUP_SUBSYS_COUNT),
		.off = e->off,
		.start = e->off,
	};
	if (!w.cset) {
		f4j_push_empty(e);
		return;
	}
	bpf_loop(F4J_CGROUP_SUBSYS_MAX * (F4J_CGROUP_DEPTH_MAX + 2), f4j_cgroup_step, &w, 0);
	f4j_param_done(e, w.off - w.start);
}

#endif /* F4J_CGROUP_H */
