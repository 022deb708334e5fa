/* path.h: absolute path of a struct path (a cwd, an exe file), assembled backwards in the per-CPU path
 * area by walking dentries up to the root, crossing mount points. The walk runs in bpf_loop so that
 * the verifier checks one step instead of every unrolled iteration. */
#ifndef F4J_PATH_H
#define F4J_PATH_H

#include "store.h"

#define F4J_PATH_MAX_DEPTH 48
#define F4J_PATH_COMPONENT_MAX 255
#define F4J_PATH_END F4J_MAX_PARAM_SIZE /* the NUL sits here; components are written below it */

struct f4j_path_walk {
	struct dentry *dentry;
	struct mount *mnt;
	u32 pos; /* first byte of the path assembled so far */
};

static long f4j_path_step(u32 index, void *ctx)
{
	struct f4j_path_walk *w = ctx;
	u32 cpu = bpf_get_smp_processor_id();
	struct f4j_path_area *area = bpf_map_lookup_elem(&f4j_paths, &cpu);
	if (!area)
		return 1;
	struct dentry *dentry = w->dentry;
	struct mount *mnt = w->mnt;
	struct dentry *mnt_root = BPF_CORE_READ(mnt, mnt.mnt_root);
	struct dentry *parent = BPF_CORE_READ(dentry, d_parent);
	if (dentry == mnt_root || dentry == parent) {
		struct mount *mnt_parent = BPF_CORE_READ(mnt, mnt_parent);
		if (mnt_parent == mnt || !mnt_parent)
			return 1; /* the root of the root mount */
		w->dentry = BPF_CORE_READ(mnt, mnt_mountpoint);
		w->mnt = mnt_parent;
		return 0;
	}
	u32 len = BPF_CORE_READ(dentry, d_name.len) & F4J_PATH_COMPONENT_MAX;
	const unsigned char *name = BPF_CORE_READ(dentry, d_name.name);
	u32 pos = w->pos;
	if (len + 1 > pos)
		return 1; /* deeper than the area: keep what we have (the last components) */
	pos -= len;
	if (bpf_probe_read_kernel(area->data + (pos & (F4J_MAX_PARAM_SIZE - 1)), len, name))
		return 1;
	pos -= 1;
	area->data[pos & (F4J_MAX_PARAM_SIZE - 1)] = '/';
	w->pos = pos;
	w->dentry = parent;
	return 0;
}

/* Pushes the absolute path of `path` (PT_CHARBUF/PT_FSPATH, NUL included). */
static __always_inline void f4j_push_path(struct f4j_evt *e, struct path *path)
{
	u32 cpu = bpf_get_smp_processor_id();
	struct f4j_path_area *area = bpf_map_lookup_elem(&f4j_paths, &cpu);
	if (!area || !path) {
		f4j_push_empty(e);
		return;
	}
	struct f4j_path_walk w = {
		.dentry = BPF_CORE_READ(path, dentry),
		.mnt = container_of(BPF_CORE_READ(path, mnt), struct mount, mnt),
		.pos = F4J_PATH_END,
	};
	area->data[F4J_PATH_END] = 0;
	bpf_loop(F4J_PATH_MAX_DEPTH, f4j_path_step, &w, 0);
	u32 pos = w.pos;
	if (pos >= F4J_PATH_END) {
		pos = F4J_PATH_END - 1;
		area->data[pos] = '/';
	}
	pos &= (F4J_MAX_PARAM_SIZE - 1);
	f4j_push_kernel_bytes(e, area->data + pos, F4J_PATH_END + 1 - pos);
}

#endif /* F4J_PATH_H */
