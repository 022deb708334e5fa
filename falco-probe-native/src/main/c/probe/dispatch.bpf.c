/* dispatch.bpf.c: the attached programs. sys_exit filters (capture on, syscall selected, not the
 * excluded process) then tail-calls the syscall's handler from f4j_exit_handlers; a selected syscall
 * without a handler becomes a generic `syscall` exit event. */
#include "helpers/store.h"
#include <bpf/bpf_tracing.h>

char LICENSE[] SEC("license") = "GPL";

/* ppm_sc code of each syscall number: the ID param of generic events (syscall-table.tsv). */
static const u16 f4j_ppm_sc_of_nr[F4J_SYSCALL_NR_MAX] = F4J_PPM_SC_OF_NR_INIT;

SEC("tp_btf/sys_exit")
int BPF_PROG(f4j_sys_exit, struct pt_regs *regs, long ret)
{
	struct f4j_settings *s = f4j_settings();
	if (!s || !s->capture_enabled)
		return 0;
	/* regs is a BTF pointer here: a direct load (a fault-safe load the verifier emits), cheaper
	 * than a probe-read helper call on every syscall of the host. */
	u32 nr = (u32)regs->orig_ax;
	if (nr >= F4J_SYSCALL_NR_MAX)
		return 0;
	u8 *selected = bpf_map_lookup_elem(&f4j_interesting, &nr);
	if (!selected || *selected == F4J_SEL_OFF)
		return 0;
	if (s->excluded_tgid && (u32)(bpf_get_current_pid_tgid() >> 32) == s->excluded_tgid)
		return 0;

	bpf_tail_call(ctx, &f4j_exit_handlers, nr);

	/* No dedicated handler: generic event. */
	struct f4j_evt e;
	if (f4j_begin(&e, F4J_EVT_GENERIC_X, F4J_EVT_GENERIC_X_NPARAMS))
		return 0;
	f4j_push_u16(&e, f4j_ppm_sc_of_nr[nr & (F4J_SYSCALL_NR_MAX - 1)]); /* param 1: ID (PT_SYSCALLID) */
	f4j_push_u16(&e, (u16)nr);                                         /* param 2: nativeID (PT_UINT16) */
	f4j_submit(&e);
	return 0;
}
