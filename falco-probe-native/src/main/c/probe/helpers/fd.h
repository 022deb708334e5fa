/* fd.h: from a file descriptor of the current task to its struct file, inode and socket. */
#ifndef F4J_FD_H
#define F4J_FD_H

#include "task.h"

static __always_inline struct file *f4j_fd_file(s64 fd)
{
	if (fd < 0)
		return NULL;
	struct task_struct *task = f4j_current();
	struct fdtable *fdt = BPF_CORE_READ(task, files, fdt);
	if (!fdt)
		return NULL;
	u32 max = BPF_CORE_READ(fdt, max_fds);
	if ((u64)fd >= max)
		return NULL;
	struct file **fds = BPF_CORE_READ(fdt, fd);
	struct file *f = NULL;
	bpf_probe_read_kernel(&f, sizeof(f), &fds[fd]);
	return f;
}

/* Device as new_encode_dev() writes it (the form user space sees in stat's st_dev). */
static __always_inline u32 f4j_encode_dev(u32 kdev)
{
	u32 major = kdev >> 20;
	u32 minor = kdev & 0xfffff;
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffU) << 12);
}

/* dev (PT_UINT32) and ino (PT_UINT64) of file `f` (0 when unknown). */
static __always_inline void f4j_push_file_dev_ino(struct f4j_evt *e, struct file *f)
{
	struct inode *inode = f ? BPF_CORE_READ(f, f_inode) : NULL;
	if (!inode) {
		f4j_push_u32(e, 0);
		f4j_push_u64(e, 0);
		return;
	}
	f4j_push_u32(e, f4j_encode_dev(BPF_CORE_READ(inode, i_sb, s_dev)));
	f4j_push_u64(e, BPF_CORE_READ(inode, i_ino));
}

/* dev and ino of the file behind `fd`. */
static __always_inline void f4j_push_dev_ino(struct f4j_evt *e, s64 fd)
{
	f4j_push_file_dev_ino(e, f4j_fd_file(fd));
}

static __always_inline struct sock *f4j_fd_sock(s64 fd)
{
	struct file *f = f4j_fd_file(fd);
	if (!f)
		return NULL;
	struct socket *sock = BPF_CORE_READ(f, private_data);
	return sock ? BPF_CORE_READ(sock, sk) : NULL;
}

#endif /* F4J_FD_H */
