/* store.h: building one event in the per-CPU scratch area and copying it into this CPU's ring buffer.
 *
 * Shape of every handler (the layout itself is drawn in include/falco4j_abi.h):
 *   struct f4j_evt e;
 *   if (f4j_begin(&e, F4J_EVT_..., F4J_EVT_..._NPARAMS)) return 0;
 *   f4j_push_...(&e, ...);  // one call per parameter, in table order
 *   f4j_submit(&e);
 * A parameter that cannot be read is stored empty (length 0), never skipped: positions must match
 * the table. */
#ifndef F4J_STORE_H
#define F4J_STORE_H

#include "../maps.h"
#include <bpf/bpf_core_read.h>

/* Masks that keep every write inside the scratch area, in a form the verifier can check. */
#define F4J_OFF_MASK (F4J_MAX_EVENT_SIZE - 1)
#define F4J_PARAM_MASK (F4J_MAX_PARAM_SIZE - 1)
#define F4J_LENGTHS_OFFSET F4J_EVENT_HEADER_SIZE

struct f4j_evt {
	u8 *buf;      /* scratch area of this CPU */
	u32 off;      /* next free byte (header + length array + data written so far) */
	u32 nparams;  /* parameters the event type has */
	u32 idx;      /* parameters stored so far */
	u16 type;
};

static __always_inline struct f4j_counters *f4j_counters(void)
{
	u32 zero = 0;
	return bpf_map_lookup_elem(&f4j_counters_map, &zero);
}

static __always_inline struct f4j_settings *f4j_settings(void)
{
	u32 zero = 0;
	return bpf_map_lookup_elem(&f4j_settings_map, &zero);
}

static __always_inline int f4j_begin(struct f4j_evt *e, u16 type, u32 nparams)
{
	u32 cpu = bpf_get_smp_processor_id();
	struct f4j_scratch_area *area = bpf_map_lookup_elem(&f4j_scratch, &cpu);
	if (!area)
		return -1;
	e->buf = area->data;
	e->type = type;
	e->nparams = nparams;
	e->idx = 0;
	e->off = F4J_LENGTHS_OFFSET + 2 * nparams;
	return 0;
}

/* Saves an unfinished event for the continuation program (same CPU, same scratch area). */
static __always_inline int f4j_save(struct f4j_evt *e, u16 flags)
{
	u32 zero = 0;
	struct f4j_evt_state *st = bpf_map_lookup_elem(&f4j_evt_states, &zero);
	if (!st)
		return -1;
	st->off = e->off;
	st->idx = e->idx;
	st->nparams = e->nparams;
	st->type = e->type;
	st->flags = flags;
	return 0;
}

/* Resumes the event saved by f4j_save; returns its flags, or -1. */
static __always_inline int f4j_resume(struct f4j_evt *e)
{
	u32 zero = 0;
	u32 cpu = bpf_get_smp_processor_id();
	struct f4j_evt_state *st = bpf_map_lookup_elem(&f4j_evt_states, &zero);
	struct f4j_scratch_area *area = bpf_map_lookup_elem(&f4j_scratch, &cpu);
	if (!st || !area)
		return -1;
	e->buf = area->data;
	e->off = st->off;
	e->idx = st->idx;
	e->nparams = st->nparams;
	e->type = st->type;
	return st->flags;
}

/* Records that the current parameter took `len` bytes (already written at e->off). */
static __always_inline void f4j_param_done(struct f4j_evt *e, u32 len)
{
	u16 l = (u16)len;
	u32 at = F4J_LENGTHS_OFFSET + 2 * (e->idx & (F4J_MAX_PARAMS - 1));
	__builtin_memcpy(e->buf + at, &l, sizeof(l));
	e->off += len;
	e->idx++;
}

static __always_inline void f4j_push_empty(struct f4j_evt *e)
{
	f4j_param_done(e, 0);
}

/* Fixed-size values are written without a room check: the masked offset keeps the write inside the
 * scratch area, and f4j_submit drops an event that outgrew F4J_MAX_EVENT_SIZE. Fewer branches keep
 * the verifier's state count low for the 31-parameter execve event. */
#define F4J_DEFINE_PUSH(name, ctype)                                            \
	static __always_inline void f4j_push_##name(struct f4j_evt *e, ctype v) \
	{                                                                       \
		__builtin_memcpy(e->buf + (e->off & F4J_OFF_MASK), &v, sizeof(v)); \
		f4j_param_done(e, sizeof(ctype));                               \
	}

F4J_DEFINE_PUSH(u8, u8)
F4J_DEFINE_PUSH(u16, u16)
F4J_DEFINE_PUSH(u32, u32)
F4J_DEFINE_PUSH(u64, u64)
F4J_DEFINE_PUSH(s32, s32)
F4J_DEFINE_PUSH(s64, s64)

/* NUL-terminated string from user memory (PT_CHARBUF / PT_FSPATH): length includes the NUL. */
static __always_inline u32 f4j_push_user_str(struct f4j_evt *e, const void *ptr)
{
	if (!ptr) {
		f4j_push_empty(e);
		return 0;
	}
	long n = bpf_probe_read_user_str(e->buf + (e->off & F4J_OFF_MASK), F4J_MAX_PARAM_SIZE, ptr);
	if (n <= 0) {
		f4j_push_empty(e);
		return 0;
	}
	f4j_param_done(e, (u32)n);
	return (u32)n;
}

static __always_inline u32 f4j_push_kernel_str(struct f4j_evt *e, const void *ptr)
{
	if (!ptr) {
		f4j_push_empty(e);
		return 0;
	}
	long n = bpf_probe_read_kernel_str(e->buf + (e->off & F4J_OFF_MASK), F4J_MAX_PARAM_SIZE, ptr);
	if (n <= 0) {
		f4j_push_empty(e);
		return 0;
	}
	f4j_param_done(e, (u32)n);
	return (u32)n;
}

/* Makes the verifier see a length bounded by 2 * F4J_MAX_PARAM_SIZE: the compiler would otherwise fold
 * the clamp above into a comparison the verifier cannot use. */
static __always_inline u32 f4j_bound_len(u32 len)
{
	u64 l = len;
	asm volatile("%[l] &= 0x1fff" : [l] "+r"(l));
	return (u32)l;
}

/* Raw bytes from user memory (PT_BYTEBUF), truncated to F4J_MAX_PARAM_SIZE. */
static __always_inline void f4j_push_user_bytes(struct f4j_evt *e, const void *ptr, u32 len)
{
	if (len > F4J_MAX_PARAM_SIZE)
		len = F4J_MAX_PARAM_SIZE;
	if (!ptr || len == 0) {
		f4j_push_empty(e);
		return;
	}
	len = f4j_bound_len(len);
	if (bpf_probe_read_user(e->buf + (e->off & F4J_OFF_MASK), len, ptr)) {
		f4j_push_empty(e);
		return;
	}
	f4j_param_done(e, len);
}

/* Bytes already assembled elsewhere in kernel memory (e.g. a path area). */
static __always_inline void f4j_push_kernel_bytes(struct f4j_evt *e, const void *ptr, u32 len)
{
	if (len > F4J_MAX_PARAM_SIZE)
		len = F4J_MAX_PARAM_SIZE;
	if (!ptr || len == 0) {
		f4j_push_empty(e);
		return;
	}
	len = f4j_bound_len(len);
	if (bpf_probe_read_kernel(e->buf + (e->off & F4J_OFF_MASK), len, ptr)) {
		f4j_push_empty(e);
		return;
	}
	f4j_param_done(e, len);
}

/* Writes the header and copies the event into this CPU's ring buffer; a full ring counts a drop. */
static __always_inline void f4j_submit(struct f4j_evt *e)
{
	struct f4j_counters *c = f4j_counters();
	struct f4j_settings *s = f4j_settings();
	u32 cpu = bpf_get_smp_processor_id();
	void *ring = bpf_map_lookup_elem(&f4j_rings, &cpu);
	if (!c || !s || !ring)
		return;
	/* Parameters never written (a handler returning early) are stored empty. */
	for (int i = 0; i < F4J_MAX_PARAMS; i++) {
		if (e->idx >= e->nparams)
			break;
		f4j_push_empty(e);
	}
	u64 ts = s->boot_ns + bpf_ktime_get_boot_ns();
	u64 tid = bpf_get_current_pid_tgid() & 0xffffffff;
	u32 len = e->off;
	u16 type = e->type;
	u32 nparams = e->nparams;
	__builtin_memcpy(e->buf + 0, &ts, 8);
	__builtin_memcpy(e->buf + 8, &tid, 8);
	__builtin_memcpy(e->buf + 16, &len, 4);
	__builtin_memcpy(e->buf + 20, &type, 2);
	__builtin_memcpy(e->buf + 22, &nparams, 4);
	if (len > F4J_MAX_EVENT_SIZE) {
		c->drops_too_large++;
		return;
	}
	/* Waking the reader costs the traced thread more than writing the event (a self-interrupt on
	 * a VM): wake it once, with the event that makes the backlog reach F4J_WAKEUP_BYTES; below
	 * that, and while a woken reader drains a larger backlog, the shim finds the data on its next
	 * short poll. Waking with every event above the mark cost a lagging reader's producers up to
	 * half their CPU in interrupts (benchmarks/live-overhead.sh). */
	u64 avail = bpf_ringbuf_query(ring, BPF_RB_AVAIL_DATA);
	u64 flags = avail < F4J_WAKEUP_BYTES && avail + len >= F4J_WAKEUP_BYTES ? BPF_RB_FORCE_WAKEUP
										    : BPF_RB_NO_WAKEUP;
	u64 size = len;
	asm volatile("%[s] &= 0x1ffff" : [s] "+r"(size)); /* F4J_SCRATCH_SIZE - 1, kept for the verifier */
	if (bpf_ringbuf_output(ring, e->buf, size, flags)) {
		c->drops_buffer++;
		return;
	}
	c->events++;
}

#endif /* F4J_STORE_H */
