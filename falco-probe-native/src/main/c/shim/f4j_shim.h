/* f4j_shim.h: the loader shim's API, the only native surface Java calls (through JNR-FFI).
 *
 * Lifecycle: f4j_open (loads and verifies the probe; nothing captured yet) -> f4j_set_interesting /
 * f4j_set_excluded_tgid (any time) -> f4j_start (attaches, capture on) -> f4j_poll_batch ... ->
 * f4j_stop -> f4j_close. Functions return 0 (or a count) on success and -errno on failure; they never
 * print: a failure's explanation (with the tail of the verifier log) goes into the caller's `msg`.
 * A probe handle is used by one thread at a time. */
#ifndef F4J_SHIM_H
#define F4J_SHIM_H

#include <stddef.h>
#include <stdint.h>

#define F4J_API __attribute__((visibility("default")))

struct f4j_probe;

/* Version of falco4j_abi.h this shim was built with (F4J_SCHEMA_VERSION). */
F4J_API int f4j_abi_version(void);

/* Opens and loads the probe object at `obj_path` with `ring_bytes` of ring buffer per CPU (0 = default;
 * rounded up to a power of two of at least one page). The calling process is excluded by default. */
F4J_API int f4j_open(const char *obj_path, uint32_t ring_bytes, struct f4j_probe **out, char *msg, size_t msg_len);

/* Selects the events to capture, by event type id (event-table.tsv). A syscall is captured when the
 * exit event the table assigns to it (or the enter event just before it) is listed and the probe has a
 * handler for it; id 1 (generic
 * `syscall`) selects every syscall without a dedicated event; 186 (procexit) the exit of threads.
 * Returns how many of the listed ids the probe can deliver. */
F4J_API int f4j_set_interesting(struct f4j_probe *p, const uint16_t *event_types, uint32_t count);

/* Selects every syscall (Falco's -A / base_syscalls.all): those with a handler come as their dedicated
 * event, all others as generic `syscall` exit events carrying the syscall id; plus procexit. */
F4J_API int f4j_select_all(struct f4j_probe *p);

/* Events of this process (thread group id) are dropped in the kernel; 0 = none. */
F4J_API int f4j_set_excluded_tgid(struct f4j_probe *p, uint32_t tgid);

/* Attaches the programs and turns capture on. */
F4J_API int f4j_start(struct f4j_probe *p, char *msg, size_t msg_len);

/* Copies whole events, merged by timestamp across CPUs, into buf as records "u16 cpu + event"
 * (falco4j_abi.h). Waits up to timeout_ms (0 = no wait, <0 = forever) when no event is ready.
 * out[0] = bytes written, out[1] = events written. -ENOBUFS when the next event does not fit an
 * empty buffer; -EINTR is reported as 0 events. */
F4J_API int f4j_poll_batch(struct f4j_probe *p, uint8_t *buf, uint32_t cap, int32_t timeout_ms, uint32_t *out);

/* Number of CPUs the probe has rings for. */
F4J_API int f4j_cpu_count(struct f4j_probe *p);

/* Counters per CPU: out[cpu * 4 + k], k = events, drops_buffer, drops_too_large, reserved
 * (struct f4j_counters). `cap` = entries of out. Returns the CPU count. */
F4J_API int f4j_stats(struct f4j_probe *p, uint64_t *out, uint32_t cap);

/* Turns capture off and detaches; events still in the rings can be polled. */
F4J_API int f4j_stop(struct f4j_probe *p);

F4J_API void f4j_close(struct f4j_probe *p);

#endif /* F4J_SHIM_H */
