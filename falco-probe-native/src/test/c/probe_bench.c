/* probe_bench.c: overhead of the probe on a syscall-heavy workload, measured side by side.
 *
 *   probe_bench PROBE.o MODE -- COMMAND...      MODE = none | selected | all
 *   probe_bench PROBE.o MODE --openclose N     built-in workload: N x (openat + close) of /dev/null
 *
 * none: the workload alone. selected: the probe with the dedicated event types (the default of
 * LiveOptions; syscalls without a handler, e.g. read/write, are dropped in the kernel). all: every
 * syscall selected (f4j_select_all: read/write arrive as generic events). The bench consumes the rings the way
 * LiveEventSource does (f4j_poll_batch into a 1 MiB buffer) and prints one line:
 *   mode=.. wall_s=.. events=.. events_per_s=.. drops=.. */
#define _GNU_SOURCE
#include "f4j_shim.h"
#include "event_types.h"

#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static pid_t spawn(char **argv, long openclose)
{
	pid_t pid = fork();
	if (pid != 0)
		return pid;
	if (openclose > 0) {
		for (long i = 0; i < openclose; i++)
			close(open("/dev/null", O_RDONLY));
		_exit(0);
	}
	int devnull = open("/dev/null", O_WRONLY);
	dup2(devnull, 2);
	execvp(argv[0], argv);
	_exit(127);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: %s PROBE.o none|selected|all (-- CMD... | --openclose N)\n", argv[0]);
		return 2;
	}
	const char *mode = argv[2];
	long openclose = strcmp(argv[3], "--openclose") == 0 ? atol(argv[4]) : 0;
	char **cmd = argv + 4;
	static char msg[1 << 16];
	struct f4j_probe *p = NULL;
	if (strcmp(mode, "none") != 0) {
		int rc = f4j_open(argv[1], 0, &p, msg, sizeof(msg));
		if (rc) {
			fprintf(stderr, "open: %d %s\n", rc, msg);
			return 1;
		}
		uint16_t types[F4J_EVENT_TABLE_SIZE];
		uint32_t n = 0;
		if (strcmp(mode, "all") == 0) {
			f4j_select_all(p);
		} else {
			static const uint16_t dedicated[] = {223, 225, 227, 335, 293, 331, 186, 3, 307, 327, 59,
							     5, 367, 363, 365, 61, 393, 95, 97, 19, 21, 25, 23,
							     247, 389, 199, 201, 193, 195};
			memcpy(types, dedicated, sizeof(dedicated));
			n = sizeof(dedicated) / sizeof(dedicated[0]);
			f4j_set_interesting(p, types, n);
		}
		if ((rc = f4j_start(p, msg, sizeof(msg)))) {
			fprintf(stderr, "start: %d %s\n", rc, msg);
			return 1;
		}
	}
	static uint8_t buf[1 << 20];
	uint32_t out[2];
	unsigned long long events = 0;
	double t0 = now_s();
	pid_t child = spawn(cmd, openclose);
	int status;
	struct rusage ru;
	for (;;) {
		if (p) {
			f4j_poll_batch(p, buf, sizeof(buf), 10, out);
			events += out[1];
		}
		pid_t r = wait4(child, &status, p ? WNOHANG : 0, &ru);
		if (r == child)
			break;
	}
	double wall = now_s() - t0;
	unsigned long long drops = 0;
	if (p) {
		/* What the workload left in the rings; bounded, since other processes keep producing. */
		double until = now_s() + 0.5;
		do {
			f4j_poll_batch(p, buf, sizeof(buf), 50, out);
			events += out[1];
		} while (out[1] > 0 && now_s() < until);
		uint64_t st[4 * 1024];
		int ncpu = f4j_stats(p, st, 4 * 1024);
		for (int i = 0; i < ncpu; i++)
			drops += st[i * 4 + 1] + st[i * 4 + 2];
		f4j_close(p);
	}
	/* CPU time of the workload: the probe's programs run in its context, so this is where their cost
	 * shows, and it is less disturbed by other load than wall time. */
	double cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	printf("mode=%-8s cpu_s=%.3f wall_s=%.3f events=%llu events_per_s=%.0f drops=%llu exit=%d\n", mode, cpu, wall,
	       events, events / wall, drops, WEXITSTATUS(status));
	return 0;
}
