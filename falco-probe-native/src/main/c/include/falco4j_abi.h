/* falco4j_abi.h: the only definitions the eBPF probe, the loader shim and the Java binding share.
 *
 * Event format (shared/spec/scap-format.md §9.2, "v2 header"), little-endian, no padding:
 *
 *   offset  size  field
 *   0       8     ts       nanoseconds since the Unix epoch
 *   8       8     tid      thread id in the host pid namespace
 *   16      4     len      bytes of the whole event: header + length array + parameter data
 *   20      2     type     event type id (row of event-table.tsv, F4J_EVT_* in event_types.h)
 *   22      4     nparams  entries in the length array
 *   26      2*n   lengths  one u16 per parameter, in table order
 *   ...           params   the values back to back, each exactly as long as its length entry
 *
 * Batch format (what f4j_poll_batch copies into the caller's buffer): records back to back, each
 * record = u16 cpu + one event as above. That is exactly the body of a scap EV_V2 block (§9.1), so a
 * recorder only wraps each record in a block header and trailer.
 *
 * Every event the probe writes uses the newest (non EF_OLD_VERSION) type and exactly the table's
 * parameter count; the probe emits exit events only (they carry the former enter parameters).
 */
#ifndef FALCO4J_ABI_H
#define FALCO4J_ABI_H

/* Bumped whenever anything in this file changes meaning; the shim refuses a probe of another version. */
#define F4J_SCHEMA_VERSION 1

#define F4J_EVENT_HEADER_SIZE 26
#define F4J_BATCH_RECORD_PREFIX 2 /* u16 cpu before each event in a batch */

/* Largest event the probe builds (the per-CPU scratch area is twice as large so that masked offsets
 * always stay inside it, which is what the verifier needs to accept variable-length copies). */
#define F4J_MAX_EVENT_SIZE (64 * 1024)
#define F4J_SCRATCH_SIZE (2 * F4J_MAX_EVENT_SIZE)
/* Largest single variable-length parameter (paths, args, env). */
#define F4J_MAX_PARAM_SIZE 4096
/* Largest parameter count of any event the probe writes (execve exit has 31). */
#define F4J_MAX_PARAMS 32

/* Ring buffer bytes per CPU unless the caller asks otherwise (a power of two, multiple of the page size). */
#define F4J_DEFAULT_RING_BYTES (8 * 1024 * 1024)
#define F4J_MAX_CPUS 1024
/* The probe wakes the reader only when this much is waiting in a ring; otherwise the reader polls
 * every F4J_IDLE_POLL_MS (so an event waits at most that long when traffic is light). */
#define F4J_WAKEUP_BYTES (256 * 1024)
#define F4J_IDLE_POLL_MS 5

/* Values of the per-syscall selection map (index = x86_64 syscall number). A selected syscall without a
 * dedicated event comes as a generic `syscall` exit event (id 1). */
#define F4J_SEL_OFF 0
#define F4J_SEL_ON 1

/* Indexes of the tracepoint selection map: events not tied to a syscall exit. */
#define F4J_TP_PROCEXIT 0
#define F4J_TP_MAX 4

/* Probe settings, one entry of the `f4j_settings` array map, written by user space at any time. */
struct f4j_settings {
	unsigned int capture_enabled; /* 0: every program returns at once */
	unsigned int excluded_tgid;   /* process whose events are dropped in the kernel (0 = none) */
	unsigned int reserved[2];
	unsigned long long boot_ns;   /* wall-clock time of boot: event ts = boot_ns + bpf_ktime_get_boot_ns() */
};

/* Per-CPU counters, one entry of the `f4j_counters` per-CPU array map. */
struct f4j_counters {
	unsigned long long events;         /* events written to the ring buffer */
	unsigned long long drops_buffer;   /* events lost because the ring buffer was full */
	unsigned long long drops_too_large;/* events lost because they outgrew F4J_MAX_EVENT_SIZE */
	unsigned long long reserved;
};

#endif /* FALCO4J_ABI_H */
