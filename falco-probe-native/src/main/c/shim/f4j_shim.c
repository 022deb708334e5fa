/* f4j_shim.c: loads the probe with libbpf, wires its maps and tail calls, and hands batches of events
 * to the caller. See f4j_shim.h for the contract. */
#define _GNU_SOURCE /* vasprintf */
#include "f4j_shim.h"
#include "f4j_ring.h"

#include "falco4j_abi.h"
#include "event_types.h"

#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* The sys_exit handlers: program name, syscall number, and the exit event it writes (checked against
 * the generated table at open, so a handler can never be wired to a syscall the table maps elsewhere). */
struct f4j_handler {
	const char *prog;
	int nr;
	int event;
};

static const struct f4j_handler F4J_HANDLERS[] = {
	{"f4j_x_clone", __NR_clone, F4J_EVT_SYSCALL_CLONE_20_X},
	{"f4j_x_fork", __NR_fork, F4J_EVT_SYSCALL_FORK_20_X},
	{"f4j_x_vfork", __NR_vfork, F4J_EVT_SYSCALL_VFORK_20_X},
	{"f4j_x_clone3", __NR_clone3, F4J_EVT_SYSCALL_CLONE3_X},
	{"f4j_x_execve", __NR_execve, F4J_EVT_SYSCALL_EXECVE_19_X},
	{"f4j_x_execveat", __NR_execveat, F4J_EVT_SYSCALL_EXECVEAT_X},
	{"f4j_x_open", __NR_open, F4J_EVT_SYSCALL_OPEN_X},
	{"f4j_x_openat", __NR_openat, F4J_EVT_SYSCALL_OPENAT_2_X},
	{"f4j_x_openat2", __NR_openat2, F4J_EVT_SYSCALL_OPENAT2_X},
	{"f4j_x_creat", __NR_creat, F4J_EVT_SYSCALL_CREAT_X},
	{"f4j_x_close", __NR_close, F4J_EVT_SYSCALL_CLOSE_X},
	{"f4j_x_dup", __NR_dup, F4J_EVT_SYSCALL_DUP_1_X},
	{"f4j_x_dup2", __NR_dup2, F4J_EVT_SYSCALL_DUP2_X},
	{"f4j_x_dup3", __NR_dup3, F4J_EVT_SYSCALL_DUP3_X},
	{"f4j_x_pipe", __NR_pipe, F4J_EVT_SYSCALL_PIPE_X},
	{"f4j_x_pipe2", __NR_pipe2, F4J_EVT_SYSCALL_PIPE2_X},
	{"f4j_x_chdir", __NR_chdir, F4J_EVT_SYSCALL_CHDIR_X},
	{"f4j_x_fchdir", __NR_fchdir, F4J_EVT_SYSCALL_FCHDIR_X},
	{"f4j_x_socket", __NR_socket, F4J_EVT_SOCKET_SOCKET_X},
	{"f4j_x_bind", __NR_bind, F4J_EVT_SOCKET_BIND_X},
	{"f4j_x_listen", __NR_listen, F4J_EVT_SOCKET_LISTEN_X},
	{"f4j_x_connect", __NR_connect, F4J_EVT_SOCKET_CONNECT_X},
	{"f4j_x_accept", __NR_accept, F4J_EVT_SOCKET_ACCEPT_5_X},
	{"f4j_x_accept4", __NR_accept4, F4J_EVT_SOCKET_ACCEPT4_6_X},
	{"f4j_x_setuid", __NR_setuid, F4J_EVT_SYSCALL_SETUID_X},
	{"f4j_x_setgid", __NR_setgid, F4J_EVT_SYSCALL_SETGID_X},
	{"f4j_x_setresuid", __NR_setresuid, F4J_EVT_SYSCALL_SETRESUID_X},
	{"f4j_x_setresgid", __NR_setresgid, F4J_EVT_SYSCALL_SETRESGID_X},
	{"f4j_x_symlink", __NR_symlink, F4J_EVT_SYSCALL_SYMLINK_X},
	{"f4j_x_symlinkat", __NR_symlinkat, F4J_EVT_SYSCALL_SYMLINKAT_X},
	{"f4j_x_link", __NR_link, F4J_EVT_SYSCALL_LINK_2_X},
	{"f4j_x_linkat", __NR_linkat, F4J_EVT_SYSCALL_LINKAT_2_X},
	{"f4j_x_unlink", __NR_unlink, F4J_EVT_SYSCALL_UNLINK_2_X},
	{"f4j_x_unlinkat", __NR_unlinkat, F4J_EVT_SYSCALL_UNLINKAT_2_X},
	{"f4j_x_rename", __NR_rename, F4J_EVT_SYSCALL_RENAME_X},
	{"f4j_x_renameat", __NR_renameat, F4J_EVT_SYSCALL_RENAMEAT_X},
	{"f4j_x_renameat2", __NR_renameat2, F4J_EVT_SYSCALL_RENAMEAT2_X},
	{"f4j_x_mkdir", __NR_mkdir, F4J_EVT_SYSCALL_MKDIR_2_X},
	{"f4j_x_mkdirat", __NR_mkdirat, F4J_EVT_SYSCALL_MKDIRAT_X},
	{"f4j_x_rmdir", __NR_rmdir, F4J_EVT_SYSCALL_RMDIR_2_X},
	{"f4j_x_chmod", __NR_chmod, F4J_EVT_SYSCALL_CHMOD_X},
	{"f4j_x_fchmod", __NR_fchmod, F4J_EVT_SYSCALL_FCHMOD_X},
	{"f4j_x_fchmodat", __NR_fchmodat, F4J_EVT_SYSCALL_FCHMODAT_X},
	{"f4j_x_mount", __NR_mount, F4J_EVT_SYSCALL_MOUNT_X},
	{"f4j_x_umount2", __NR_umount2, F4J_EVT_SYSCALL_UMOUNT2_X},
	{"f4j_x_chroot", __NR_chroot, F4J_EVT_SYSCALL_CHROOT_X},
	{"f4j_x_memfd_create", __NR_memfd_create, F4J_EVT_SYSCALL_MEMFD_CREATE_X},
	{"f4j_x_fcntl", __NR_fcntl, F4J_EVT_SYSCALL_FCNTL_X},
	{"f4j_x_socketpair", __NR_socketpair, F4J_EVT_SOCKET_SOCKETPAIR_X},
	{"f4j_x_eventfd2", __NR_eventfd2, F4J_EVT_SYSCALL_EVENTFD2_X},
	{"f4j_x_signalfd4", __NR_signalfd4, F4J_EVT_SYSCALL_SIGNALFD4_X},
	{"f4j_x_timerfd_create", __NR_timerfd_create, F4J_EVT_SYSCALL_TIMERFD_CREATE_X},
	{"f4j_x_inotify_init1", __NR_inotify_init1, F4J_EVT_SYSCALL_INOTIFY_INIT1_X},
	{"f4j_x_epoll_create1", __NR_epoll_create1, F4J_EVT_SYSCALL_EPOLL_CREATE1_X},
	{"f4j_x_pidfd_open", __NR_pidfd_open, F4J_EVT_SYSCALL_PIDFD_OPEN_X},
	{"f4j_x_pidfd_getfd", __NR_pidfd_getfd, F4J_EVT_SYSCALL_PIDFD_GETFD_X},
	{"f4j_x_userfaultfd", __NR_userfaultfd, F4J_EVT_SYSCALL_USERFAULTFD_X},
	{"f4j_x_close_range", __NR_close_range, F4J_EVT_SYSCALL_CLOSE_RANGE_X},
	{"f4j_x_sendto", __NR_sendto, F4J_EVT_SOCKET_SENDTO_X},
	{"f4j_x_recvfrom", __NR_recvfrom, F4J_EVT_SOCKET_RECVFROM_X},
	{"f4j_x_sendmsg", __NR_sendmsg, F4J_EVT_SOCKET_SENDMSG_X},
	{"f4j_x_recvmsg", __NR_recvmsg, F4J_EVT_SOCKET_RECVMSG_X},
	{"f4j_x_ptrace", __NR_ptrace, F4J_EVT_SYSCALL_PTRACE_X},
	{"f4j_x_setns", __NR_setns, F4J_EVT_SYSCALL_SETNS_X},
	{"f4j_x_unshare", __NR_unshare, F4J_EVT_SYSCALL_UNSHARE_X},
	{"f4j_x_prctl", __NR_prctl, F4J_EVT_SYSCALL_PRCTL_X},
	{"f4j_x_setsid", __NR_setsid, F4J_EVT_SYSCALL_SETSID_X},
	{"f4j_x_setpgid", __NR_setpgid, F4J_EVT_SYSCALL_SETPGID_X},
	{"f4j_x_capset", __NR_capset, F4J_EVT_SYSCALL_CAPSET_X},
	{"f4j_x_setreuid", __NR_setreuid, F4J_EVT_SYSCALL_SETREUID_X},
	{"f4j_x_setregid", __NR_setregid, F4J_EVT_SYSCALL_SETREGID_X},
	{"f4j_x_init_module", __NR_init_module, F4J_EVT_SYSCALL_INIT_MODULE_X},
	{"f4j_x_finit_module", __NR_finit_module, F4J_EVT_SYSCALL_FINIT_MODULE_X},
	{"f4j_x_kill", __NR_kill, F4J_EVT_SYSCALL_KILL_X},
	{"f4j_x_tgkill", __NR_tgkill, F4J_EVT_SYSCALL_TGKILL_X},
	{"f4j_x_eventfd", __NR_eventfd, F4J_EVT_SYSCALL_EVENTFD_X},
	{"f4j_x_signalfd", __NR_signalfd, F4J_EVT_SYSCALL_SIGNALFD_X},
	{"f4j_x_inotify_init", __NR_inotify_init, F4J_EVT_SYSCALL_INOTIFY_INIT_X},
	{"f4j_x_epoll_create", __NR_epoll_create, F4J_EVT_SYSCALL_EPOLL_CREATE_X},
	{"f4j_x_open_by_handle_at", __NR_open_by_handle_at, F4J_EVT_SYSCALL_OPEN_BY_HANDLE_AT_X},
	{"f4j_x_io_uring_setup", __NR_io_uring_setup, F4J_EVT_SYSCALL_IO_URING_SETUP_X},
	{"f4j_x_bpf", __NR_bpf, F4J_EVT_SYSCALL_BPF_2_X},
};
#define F4J_N_HANDLERS (sizeof(F4J_HANDLERS) / sizeof(F4J_HANDLERS[0]))

/* Programs attached at start; every other program is only reached by tail call. */
static const char *const F4J_ATTACHED[] = {"f4j_sys_exit", "f4j_sched_exec", "f4j_sched_exit"};
#define F4J_N_ATTACHED (sizeof(F4J_ATTACHED) / sizeof(F4J_ATTACHED[0]))

static const uint16_t F4J_EXIT_EVENT_OF_NR[F4J_SYSCALL_NR_MAX] = F4J_EXIT_EVENT_OF_NR_INIT;

struct f4j_probe {
	struct bpf_object *obj;
	int ncpus;
	size_t ring_bytes;
	int *ring_fds;
	struct f4j_ring *rings;
	/* Per ring: the record peeked but not yet copied (NULL = look again). */
	const uint8_t **heads;
	uint32_t *head_lens;
	int epoll_fd;
	int settings_fd, counters_fd, interesting_fd, interesting_tp_fd;
	struct bpf_link *links[F4J_N_ATTACHED];
	struct f4j_settings settings;
	uint8_t has_handler[F4J_SYSCALL_NR_MAX];
};

/* ---- messages: libbpf's log goes to the buffer of the call in progress on this thread ---- */

static __thread char *f4j_msg;
static __thread size_t f4j_msg_len;

static void f4j_msg_append(const char *text)
{
	if (!f4j_msg || f4j_msg_len == 0)
		return;
	size_t have = strnlen(f4j_msg, f4j_msg_len - 1);
	size_t add = strlen(text);
	if (add >= f4j_msg_len - 1) {
		/* Keep the end: the verifier writes the reason last. */
		text += add - (f4j_msg_len - 1);
		add = f4j_msg_len - 1;
	}
	if (have + add > f4j_msg_len - 1) {
		size_t drop = have + add - (f4j_msg_len - 1);
		memmove(f4j_msg, f4j_msg + drop, have - drop);
		have -= drop;
	}
	memcpy(f4j_msg + have, text, add);
	f4j_msg[have + add] = '\0';
}

static void f4j_msgf(const char *fmt, ...)
{
	char line[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	f4j_msg_append(line);
}

static int f4j_libbpf_print(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	if (level == LIBBPF_DEBUG || !f4j_msg)
		return 0;
	/* The verifier log arrives in one call and can be megabytes long: format it whole, keep the end. */
	char *text = NULL;
	int n = vasprintf(&text, fmt, ap);
	if (n >= 0 && text)
		f4j_msg_append(text);
	free(text);
	return n;
}

static void f4j_msg_begin(char *msg, size_t msg_len)
{
	f4j_msg = msg;
	f4j_msg_len = msg_len;
	if (msg && msg_len)
		msg[0] = '\0';
	libbpf_set_print(f4j_libbpf_print);
}

static void f4j_msg_end(void)
{
	f4j_msg = NULL;
	f4j_msg_len = 0;
}

/* ---- lifecycle ---- */

int f4j_abi_version(void)
{
	return F4J_SCHEMA_VERSION;
}

static uint64_t f4j_boot_ns(void)
{
	struct timespec real, boot;
	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_BOOTTIME, &boot);
	return ((uint64_t)real.tv_sec * 1000000000ULL + real.tv_nsec) -
	       ((uint64_t)boot.tv_sec * 1000000000ULL + boot.tv_nsec);
}

static int f4j_write_settings(struct f4j_probe *p)
{
	uint32_t zero = 0;
	if (bpf_map_update_elem(p->settings_fd, &zero, &p->settings, BPF_ANY))
		return -errno;
	return 0;
}

static int f4j_map_fd(struct f4j_probe *p, const char *name)
{
	struct bpf_map *m = bpf_object__find_map_by_name(p->obj, name);
	if (!m) {
		f4j_msgf("probe object has no map %s", name);
		return -ENOENT;
	}
	return bpf_map__fd(m);
}

static size_t f4j_ring_size(uint32_t requested)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t want = requested ? requested : F4J_DEFAULT_RING_BYTES;
	size_t size = page;
	while (size < want)
		size <<= 1;
	return size;
}

static int f4j_prepare(struct f4j_probe *p, const char *obj_path)
{
	int err;
	p->obj = bpf_object__open_file(obj_path, NULL);
	if (!p->obj) {
		err = -errno;
		f4j_msgf("cannot open probe object %s: %s", obj_path, strerror(-err));
		p->obj = NULL;
		return err;
	}
	p->ncpus = libbpf_num_possible_cpus();
	if (p->ncpus <= 0 || p->ncpus > F4J_MAX_CPUS) {
		f4j_msgf("unsupported number of CPUs: %d", p->ncpus);
		return -ERANGE;
	}
	const char *per_cpu[] = {"f4j_rings", "f4j_scratch", "f4j_paths"};
	for (size_t i = 0; i < 3; i++) {
		struct bpf_map *m = bpf_object__find_map_by_name(p->obj, per_cpu[i]);
		if (!m) {
			f4j_msgf("probe object has no map %s", per_cpu[i]);
			return -ENOENT;
		}
		if ((err = bpf_map__set_max_entries(m, p->ncpus)))
			return err;
	}
	p->ring_fds = calloc(p->ncpus, sizeof(int));
	p->rings = calloc(p->ncpus, sizeof(struct f4j_ring));
	p->heads = calloc(p->ncpus, sizeof(uint8_t *));
	p->head_lens = calloc(p->ncpus, sizeof(uint32_t));
	if (!p->ring_fds || !p->rings || !p->heads || !p->head_lens)
		return -ENOMEM;
	for (int i = 0; i < p->ncpus; i++)
		p->ring_fds[i] = -1;
	for (int i = 0; i < p->ncpus; i++) {
		p->ring_fds[i] = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "f4j_ring", 0, 0, (uint32_t)p->ring_bytes, NULL);
		if (p->ring_fds[i] < 0) {
			err = -errno;
			f4j_msgf("cannot create a %zu-byte ring buffer for CPU %d: %s", p->ring_bytes, i, strerror(-err));
			return err;
		}
	}
	struct bpf_map *rings = bpf_object__find_map_by_name(p->obj, "f4j_rings");
	if ((err = bpf_map__set_inner_map_fd(rings, p->ring_fds[0])))
		return err;
	/* Tail-called programs are loaded but never attached on their own. */
	struct bpf_program *prog;
	bpf_object__for_each_program(prog, p->obj) bpf_program__set_autoattach(prog, false);
	if ((err = bpf_object__load(p->obj))) {
		f4j_msgf("\nloading the probe failed: %s", strerror(-err));
		return err;
	}
	int rings_fd = bpf_map__fd(rings);
	for (int i = 0; i < p->ncpus; i++) {
		uint32_t key = (uint32_t)i;
		if (bpf_map_update_elem(rings_fd, &key, &p->ring_fds[i], BPF_ANY))
			return -errno;
		if ((err = f4j_ring_map(&p->rings[i], p->ring_fds[i], p->ring_bytes))) {
			f4j_msgf("cannot map the ring buffer of CPU %d: %s", i, strerror(-err));
			return err;
		}
	}
	int handlers_fd = f4j_map_fd(p, "f4j_exit_handlers");
	if (handlers_fd < 0)
		return handlers_fd;
	for (size_t i = 0; i < F4J_N_HANDLERS; i++) {
		const struct f4j_handler *h = &F4J_HANDLERS[i];
		if (h->nr < 0 || h->nr >= F4J_SYSCALL_NR_MAX || F4J_EXIT_EVENT_OF_NR[h->nr] != h->event) {
			f4j_msgf("handler %s writes event %d but the event table maps syscall %d to %d", h->prog,
				 h->event, h->nr, h->nr >= 0 && h->nr < F4J_SYSCALL_NR_MAX ? F4J_EXIT_EVENT_OF_NR[h->nr] : -1);
			return -EINVAL;
		}
		struct bpf_program *hp = bpf_object__find_program_by_name(p->obj, h->prog);
		if (!hp) {
			f4j_msgf("probe object has no program %s", h->prog);
			return -ENOENT;
		}
		uint32_t key = (uint32_t)h->nr;
		int fd = bpf_program__fd(hp);
		if (bpf_map_update_elem(handlers_fd, &key, &fd, BPF_ANY))
			return -errno;
		p->has_handler[h->nr] = 1;
	}
	int cont_fd = f4j_map_fd(p, "f4j_continuations");
	struct bpf_program *part2 = bpf_object__find_program_by_name(p->obj, "f4j_x_exec_part2");
	if (cont_fd < 0 || !part2) {
		f4j_msgf("probe object lacks the exec continuation");
		return -ENOENT;
	}
	uint32_t cont_key = 0; /* F4J_CONT_EXEC */
	int part2_fd = bpf_program__fd(part2);
	if (bpf_map_update_elem(cont_fd, &cont_key, &part2_fd, BPF_ANY))
		return -errno;
	if ((p->settings_fd = f4j_map_fd(p, "f4j_settings_map")) < 0)
		return p->settings_fd;
	if ((p->counters_fd = f4j_map_fd(p, "f4j_counters_map")) < 0)
		return p->counters_fd;
	if ((p->interesting_fd = f4j_map_fd(p, "f4j_interesting")) < 0)
		return p->interesting_fd;
	if ((p->interesting_tp_fd = f4j_map_fd(p, "f4j_interesting_tp")) < 0)
		return p->interesting_tp_fd;

	p->epoll_fd = epoll_create1(EPOLL_CLOEXEC);
	if (p->epoll_fd < 0)
		return -errno;
	for (int i = 0; i < p->ncpus; i++) {
		struct epoll_event ev = {.events = EPOLLIN, .data.u32 = (uint32_t)i};
		if (epoll_ctl(p->epoll_fd, EPOLL_CTL_ADD, p->ring_fds[i], &ev))
			return -errno;
	}
	p->settings.capture_enabled = 0;
	p->settings.excluded_tgid = (uint32_t)getpid();
	p->settings.boot_ns = f4j_boot_ns();
	return f4j_write_settings(p);
}

int f4j_open(const char *obj_path, uint32_t ring_bytes, struct f4j_probe **out, char *msg, size_t msg_len)
{
	f4j_msg_begin(msg, msg_len);
	*out = NULL;
	struct f4j_probe *p = calloc(1, sizeof(*p));
	if (!p) {
		f4j_msg_end();
		return -ENOMEM;
	}
	p->epoll_fd = -1;
	p->ring_bytes = f4j_ring_size(ring_bytes);
	int err = f4j_prepare(p, obj_path);
	f4j_msg_end();
	if (err) {
		f4j_close(p);
		return err < 0 ? err : -err;
	}
	*out = p;
	return 0;
}

int f4j_set_interesting(struct f4j_probe *p, const uint16_t *event_types, uint32_t count)
{
	uint8_t wanted[F4J_EVENT_TABLE_SIZE] = {0};
	for (uint32_t i = 0; i < count; i++)
		if (event_types[i] < F4J_EVENT_TABLE_SIZE)
			wanted[event_types[i]] = 1;
	uint8_t delivered[F4J_EVENT_TABLE_SIZE] = {0};
	for (uint32_t nr = 0; nr < F4J_SYSCALL_NR_MAX; nr++) {
		uint16_t ev = F4J_EXIT_EVENT_OF_NR[nr];
		uint8_t on = F4J_SEL_OFF;
		/* An enter id (exit - 1) names the same syscall: the probe answers with the exit event. */
		int want = ev > 0 && ev < F4J_EVENT_TABLE_SIZE && (wanted[ev] || wanted[ev - 1]);
		if (ev == F4J_EVT_GENERIC_X && wanted[F4J_EVT_GENERIC_X])
			on = F4J_SEL_ON;
		else if (ev > F4J_EVT_GENERIC_X && want && p->has_handler[nr])
			on = F4J_SEL_ON;
		if (on)
			delivered[ev] = 1;
		if (bpf_map_update_elem(p->interesting_fd, &nr, &on, BPF_ANY))
			return -errno;
	}
	uint32_t key = F4J_TP_PROCEXIT;
	uint8_t on = wanted[F4J_EVT_PROCEXIT_1_E] ? F4J_SEL_ON : F4J_SEL_OFF;
	if (bpf_map_update_elem(p->interesting_tp_fd, &key, &on, BPF_ANY))
		return -errno;
	delivered[F4J_EVT_PROCEXIT_1_E] = on;
	int n = 0;
	for (int i = 0; i < F4J_EVENT_TABLE_SIZE; i++)
		n += wanted[i] && delivered[i];
	return n;
}

int f4j_select_all(struct f4j_probe *p)
{
	uint8_t on = F4J_SEL_ON;
	for (uint32_t nr = 0; nr < F4J_SYSCALL_NR_MAX; nr++) {
		if (F4J_EXIT_EVENT_OF_NR[nr] == 0)
			continue; /* not a syscall the table knows */
		if (bpf_map_update_elem(p->interesting_fd, &nr, &on, BPF_ANY))
			return -errno;
	}
	uint32_t key = F4J_TP_PROCEXIT;
	if (bpf_map_update_elem(p->interesting_tp_fd, &key, &on, BPF_ANY))
		return -errno;
	return 0;
}

int f4j_set_excluded_tgid(struct f4j_probe *p, uint32_t tgid)
{
	p->settings.excluded_tgid = tgid;
	return f4j_write_settings(p);
}

int f4j_start(struct f4j_probe *p, char *msg, size_t msg_len)
{
	f4j_msg_begin(msg, msg_len);
	int err = 0;
	for (size_t i = 0; i < F4J_N_ATTACHED; i++) {
		if (p->links[i])
			continue;
		struct bpf_program *prog = bpf_object__find_program_by_name(p->obj, F4J_ATTACHED[i]);
		if (!prog) {
			f4j_msgf("probe object has no program %s", F4J_ATTACHED[i]);
			err = -ENOENT;
			break;
		}
		struct bpf_link *link = bpf_program__attach(prog);
		if (!link) {
			err = -errno;
			f4j_msgf("cannot attach %s: %s", F4J_ATTACHED[i], strerror(-err));
			break;
		}
		p->links[i] = link;
	}
	if (!err) {
		p->settings.boot_ns = f4j_boot_ns();
		p->settings.capture_enabled = 1;
		err = f4j_write_settings(p);
	}
	f4j_msg_end();
	if (err)
		f4j_stop(p);
	return err;
}

int f4j_stop(struct f4j_probe *p)
{
	p->settings.capture_enabled = 0;
	int err = p->settings_fd > 0 ? f4j_write_settings(p) : 0;
	for (size_t i = 0; i < F4J_N_ATTACHED; i++) {
		if (p->links[i])
			bpf_link__destroy(p->links[i]);
		p->links[i] = NULL;
	}
	return err;
}

void f4j_close(struct f4j_probe *p)
{
	if (!p)
		return;
	f4j_stop(p);
	if (p->rings)
		for (int i = 0; i < p->ncpus; i++)
			f4j_ring_unmap(&p->rings[i]);
	if (p->ring_fds)
		for (int i = 0; i < p->ncpus; i++)
			if (p->ring_fds[i] >= 0)
				close(p->ring_fds[i]);
	if (p->epoll_fd >= 0)
		close(p->epoll_fd);
	if (p->obj)
		bpf_object__close(p->obj);
	free(p->ring_fds);
	free(p->rings);
	free(p->heads);
	free(p->head_lens);
	free(p);
}

/* ---- batches ---- */

static uint64_t f4j_event_ts(const uint8_t *ev)
{
	uint64_t ts;
	memcpy(&ts, ev, sizeof(ts));
	return ts;
}

/* Copies ready events, oldest first across rings, until buf is full or every ring is empty. */
static int f4j_drain(struct f4j_probe *p, uint8_t *buf, uint32_t cap, uint32_t *bytes, uint32_t *events)
{
	uint32_t used = 0, n = 0;
	for (;;) {
		int best = -1;
		uint64_t best_ts = 0;
		for (int i = 0; i < p->ncpus; i++) {
			if (!p->heads[i])
				p->heads[i] = f4j_ring_peek(&p->rings[i], &p->head_lens[i]);
			if (!p->heads[i])
				continue;
			uint64_t ts = f4j_event_ts(p->heads[i]);
			if (best < 0 || ts < best_ts) {
				best = i;
				best_ts = ts;
			}
		}
		if (best < 0)
			break;
		uint32_t len = p->head_lens[best];
		if (used + F4J_BATCH_RECORD_PREFIX + len > cap) {
			if (n == 0) {
				*bytes = 0;
				*events = 0;
				return -ENOBUFS;
			}
			break;
		}
		uint16_t cpu = (uint16_t)best;
		memcpy(buf + used, &cpu, sizeof(cpu));
		memcpy(buf + used + F4J_BATCH_RECORD_PREFIX, p->heads[best], len);
		used += F4J_BATCH_RECORD_PREFIX + len;
		n++;
		f4j_ring_advance(&p->rings[best], len);
		p->heads[best] = NULL;
	}
	*bytes = used;
	*events = n;
	return 0;
}

int f4j_poll_batch(struct f4j_probe *p, uint8_t *buf, uint32_t cap, int32_t timeout_ms, uint32_t *out)
{
	out[0] = 0;
	out[1] = 0;
	int err = f4j_drain(p, buf, cap, &out[0], &out[1]);
	if (err || out[1] > 0 || timeout_ms == 0)
		return err;
	/* The probe wakes us only for large backlogs (F4J_WAKEUP_BYTES): wait in short steps and look. */
	int64_t left = timeout_ms;
	for (;;) {
		int step = timeout_ms < 0 || left > F4J_IDLE_POLL_MS ? F4J_IDLE_POLL_MS : (int)left;
		struct epoll_event evs[16];
		if (epoll_wait(p->epoll_fd, evs, 16, step) < 0 && errno != EINTR)
			return -errno;
		err = f4j_drain(p, buf, cap, &out[0], &out[1]);
		if (err || out[1] > 0)
			return err;
		if (timeout_ms >= 0) {
			left -= step;
			if (left <= 0)
				return 0;
		}
	}
}

int f4j_cpu_count(struct f4j_probe *p)
{
	return p->ncpus;
}

int f4j_stats(struct f4j_probe *p, uint64_t *out, uint32_t cap)
{
	struct f4j_counters *values = calloc(p->ncpus, sizeof(struct f4j_counters));
	if (!values)
		return -ENOMEM;
	uint32_t zero = 0;
	if (bpf_map_lookup_elem(p->counters_fd, &zero, values)) {
		int err = -errno;
		free(values);
		return err;
	}
	for (int i = 0; i < p->ncpus && (uint32_t)(i * 4 + 3) < cap; i++) {
		out[i * 4 + 0] = values[i].events;
		out[i * 4 + 1] = values[i].drops_buffer;
		out[i * 4 + 2] = values[i].drops_too_large;
		out[i * 4 + 3] = values[i].reserved;
	}
	free(values);
	return p->ncpus;
}
