/* maps.h: every map of the probe. Definitions are __weak so that each events/<family>.bpf.c can include
 * this file and `bpftool gen object` merges the identical definitions into one map each. */
#ifndef F4J_MAPS_H
#define F4J_MAPS_H

#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include "../include/falco4j_abi.h"
#include "../include/event_types.h"

/* One ring buffer per CPU (inner maps created by the shim; max_entries set to the CPU count). */
struct f4j_ringbuf_map {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, F4J_DEFAULT_RING_BYTES);
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, F4J_MAX_CPUS);
	__type(key, u32);
	__array(values, struct f4j_ringbuf_map);
} f4j_rings SEC(".maps") __weak;

/* Where an event is built before it is copied to the ring buffer in one piece (index = CPU). */
struct f4j_scratch_area {
	u8 data[F4J_SCRATCH_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, F4J_MAX_CPUS);
	__type(key, u32);
	__type(value, struct f4j_scratch_area);
} f4j_scratch SEC(".maps") __weak;

/* Where a path is assembled backwards, component by component (index = CPU). */
#define F4J_PATH_AREA_SIZE (2 * F4J_MAX_PARAM_SIZE)
struct f4j_path_area {
	u8 data[F4J_PATH_AREA_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, F4J_MAX_CPUS);
	__type(key, u32);
	__type(value, struct f4j_path_area);
} f4j_paths SEC(".maps") __weak;

/* Selected syscalls: index = x86_64 syscall number, value F4J_SEL_*. Written by user space. */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, F4J_SYSCALL_NR_MAX);
	__type(key, u32);
	__type(value, u8);
} f4j_interesting SEC(".maps") __weak;

/* Selected tracepoint events (F4J_TP_*). */
struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, F4J_TP_MAX);
	__type(key, u32);
	__type(value, u8);
} f4j_interesting_tp SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct f4j_settings);
} f4j_settings_map SEC(".maps") __weak;

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct f4j_counters);
} f4j_counters_map SEC(".maps") __weak;

/* sys_exit handlers with a dedicated event, by syscall number (filled by the shim). */
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, F4J_SYSCALL_NR_MAX);
	__type(key, u32);
	__type(value, u32);
} f4j_exit_handlers SEC(".maps") __weak;

/* Second halves of events too large for one program (the verifier's budget), by F4J_CONT_*. */
#define F4J_CONT_EXEC 0
#define F4J_CONT_MAX 4
struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, F4J_CONT_MAX);
	__type(key, u32);
	__type(value, u32);
} f4j_continuations SEC(".maps") __weak;

/* Where an event under construction is handed from one program to its continuation (per CPU). */
struct f4j_evt_state {
	u32 off;
	u32 idx;
	u32 nparams;
	u16 type;
	u16 flags;
};

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct f4j_evt_state);
} f4j_evt_states SEC(".maps") __weak;

/* The file name an exec loaded (bprm->filename), kept from sched_process_exec until the exec
 * syscall returns: by then the user-space pointer passed to execve belongs to the old image. */
struct f4j_exec_filename {
	char name[F4J_MAX_PARAM_SIZE];
};

struct {
	__uint(type, BPF_MAP_TYPE_LRU_HASH);
	__uint(max_entries, 4096);
	__type(key, u32);
	__type(value, struct f4j_exec_filename);
} f4j_exec_filenames SEC(".maps") __weak;

#endif /* F4J_MAPS_H */
