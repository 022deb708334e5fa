/* args.h: syscall arguments at sys_exit, read from the saved user registers (x86_64 calling
 * convention: di, si, dx, r10, r8, r9; the registers are unchanged when the syscall returns).
 * tp_btf programs get regs as a BTF pointer, so these are direct loads, not probe-read calls. */
#ifndef F4J_ARGS_H
#define F4J_ARGS_H

#include "store.h"
#include <bpf/bpf_tracing.h>

static __always_inline u64 f4j_arg(struct pt_regs *regs, int i)
{
	switch (i) {
	case 0:
		return regs->di;
	case 1:
		return regs->si;
	case 2:
		return regs->dx;
	case 3:
		return regs->r10;
	case 4:
		return regs->r8;
	default:
		return regs->r9;
	}
}

#endif /* F4J_ARGS_H */
