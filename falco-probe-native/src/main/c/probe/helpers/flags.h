/* flags.h: Linux flag values to the PPM encodings of flags-table.tsv (F4J_PPM_* in event_types.h). */
#ifndef F4J_FLAGS_H
#define F4J_FLAGS_H

#include "store.h"

/* Linux values (include/uapi), spelled out because the probe is built without kernel headers. */
#define F4J_LX_O_ACCMODE 00000003
#define F4J_LX_O_WRONLY 00000001
#define F4J_LX_O_RDWR 00000002
#define F4J_LX_O_CREAT 00000100
#define F4J_LX_O_EXCL 00000200
#define F4J_LX_O_TRUNC 00001000
#define F4J_LX_O_APPEND 00002000
#define F4J_LX_O_NONBLOCK 00004000
#define F4J_LX_O_DSYNC 00010000
#define F4J_LX_O_DIRECT 00040000
#define F4J_LX_O_LARGEFILE 00100000
#define F4J_LX_O_DIRECTORY 00200000
#define F4J_LX_O_CLOEXEC 02000000
#define F4J_LX___O_SYNC 04000000
#define F4J_LX___O_TMPFILE 020000000
#define F4J_LX_FMODE_CREATED 0x100000

static __always_inline u32 f4j_open_flags(u64 lx)
{
	u32 r = 0;
	switch (lx & F4J_LX_O_ACCMODE) {
	case F4J_LX_O_WRONLY:
		r |= F4J_PPM_FILE_FLAGS_O_WRONLY;
		break;
	case F4J_LX_O_RDWR:
		r |= F4J_PPM_FILE_FLAGS_O_RDWR;
		break;
	default:
		r |= F4J_PPM_FILE_FLAGS_O_RDONLY;
	}
	if (lx & F4J_LX_O_CREAT)
		r |= F4J_PPM_FILE_FLAGS_O_CREAT;
	if (lx & F4J_LX_O_APPEND)
		r |= F4J_PPM_FILE_FLAGS_O_APPEND;
	if (lx & F4J_LX_O_DSYNC)
		r |= F4J_PPM_FILE_FLAGS_O_DSYNC;
	if (lx & F4J_LX_O_EXCL)
		r |= F4J_PPM_FILE_FLAGS_O_EXCL;
	if (lx & F4J_LX_O_NONBLOCK)
		r |= F4J_PPM_FILE_FLAGS_O_NONBLOCK;
	if (lx & F4J_LX___O_SYNC)
		r |= F4J_PPM_FILE_FLAGS_O_SYNC;
	if (lx & F4J_LX_O_TRUNC)
		r |= F4J_PPM_FILE_FLAGS_O_TRUNC;
	if (lx & F4J_LX_O_DIRECT)
		r |= F4J_PPM_FILE_FLAGS_O_DIRECT;
	if ((lx & F4J_LX___O_TMPFILE) == F4J_LX___O_TMPFILE)
		r |= F4J_PPM_FILE_FLAGS_O_TMPFILE;
	else if (lx & F4J_LX_O_DIRECTORY)
		r |= F4J_PPM_FILE_FLAGS_O_DIRECTORY;
	if (lx & F4J_LX_O_LARGEFILE)
		r |= F4J_PPM_FILE_FLAGS_O_LARGEFILE;
	if (lx & F4J_LX_O_CLOEXEC)
		r |= F4J_PPM_FILE_FLAGS_O_CLOEXEC;
	return r;
}

/* The mode is meaningful only when the call may create a file (PPM mode bits equal Linux ones). */
static __always_inline u32 f4j_open_mode(u64 lx_flags, u64 mode)
{
	if ((lx_flags & F4J_LX_O_CREAT) || (lx_flags & F4J_LX___O_TMPFILE) == F4J_LX___O_TMPFILE)
		return (u32)(mode & 07777);
	return 0;
}

static __always_inline u32 f4j_clone_flags(u64 lx)
{
	u32 r = 0;
	if (lx & 0x00000400) r |= F4J_PPM_CLONE_FLAGS_CLONE_FILES;
	if (lx & 0x00000200) r |= F4J_PPM_CLONE_FLAGS_CLONE_FS;
	if (lx & 0x80000000) r |= F4J_PPM_CLONE_FLAGS_CLONE_IO;
	if (lx & 0x08000000) r |= F4J_PPM_CLONE_FLAGS_CLONE_NEWIPC;
	if (lx & 0x40000000) r |= F4J_PPM_CLONE_FLAGS_CLONE_NEWNET;
	if (lx & 0x00020000) r |= F4J_PPM_CLONE_FLAGS_CLONE_NEWNS;
	if (lx & 0x20000000) r |= F4J_PPM_CLONE_FLAGS_CLONE_NEWPID;
	if (lx & 0x04000000) r |= F4J_PPM_CLONE_FLAGS_CLONE_NEWUTS;
	if (lx & 0x00008000) r |= F4J_PPM_CLONE_FLAGS_CLONE_PARENT;
	if (lx & 0x00100000) r |= F4J_PPM_CLONE_FLAGS_CLONE_PARENT_SETTID;
	if (lx & 0x00002000) r |= F4J_PPM_CLONE_FLAGS_CLONE_PTRACE;
	if (lx & 0x00000800) r |= F4J_PPM_CLONE_FLAGS_CLONE_SIGHAND;
	if (lx & 0x00040000) r |= F4J_PPM_CLONE_FLAGS_CLONE_SYSVSEM;
	if (lx & 0x00010000) r |= F4J_PPM_CLONE_FLAGS_CLONE_THREAD;
	if (lx & 0x00800000) r |= F4J_PPM_CLONE_FLAGS_CLONE_UNTRACED;
	if (lx & 0x00000100) r |= F4J_PPM_CLONE_FLAGS_CLONE_VM;
	if (lx & 0x10000000) r |= F4J_PPM_CLONE_FLAGS_CLONE_NEWUSER;
	if (lx & 0x00200000) r |= F4J_PPM_CLONE_FLAGS_CLONE_CHILD_CLEARTID;
	if (lx & 0x01000000) r |= F4J_PPM_CLONE_FLAGS_CLONE_CHILD_SETTID;
	if (lx & 0x00080000) r |= F4J_PPM_CLONE_FLAGS_CLONE_SETTLS;
	if (lx & 0x00004000) r |= F4J_PPM_CLONE_FLAGS_CLONE_VFORK;
	if (lx & 0x02000000) r |= F4J_PPM_CLONE_FLAGS_CLONE_NEWCGROUP;
	return r;
}

/* openat2 `resolve` (RESOLVE_* in include/uapi/linux/openat2.h) to openat2_flags. */
static __always_inline u32 f4j_resolve_flags(u64 lx)
{
	u32 r = 0;
	if (lx & 0x01) r |= F4J_PPM_OPENAT2_FLAGS_RESOLVE_NO_XDEV;
	if (lx & 0x02) r |= F4J_PPM_OPENAT2_FLAGS_RESOLVE_NO_MAGICLINKS;
	if (lx & 0x04) r |= F4J_PPM_OPENAT2_FLAGS_RESOLVE_NO_SYMLINKS;
	if (lx & 0x08) r |= F4J_PPM_OPENAT2_FLAGS_RESOLVE_BENEATH;
	if (lx & 0x10) r |= F4J_PPM_OPENAT2_FLAGS_RESOLVE_IN_ROOT;
	if (lx & 0x20) r |= F4J_PPM_OPENAT2_FLAGS_RESOLVE_CACHED;
	return r;
}

/* SOCK_NONBLOCK / SOCK_CLOEXEC bits of a socket type (or O_CLOEXEC of dup3/pipe2 flags). */
static __always_inline u32 f4j_sock_type_flags(u64 lx)
{
	u32 r = 0;
	if (lx & F4J_LX_O_NONBLOCK)
		r |= F4J_PPM_FILE_FLAGS_O_NONBLOCK;
	if (lx & F4J_LX_O_CLOEXEC)
		r |= F4J_PPM_FILE_FLAGS_O_CLOEXEC;
	return r;
}

#endif /* F4J_FLAGS_H */
