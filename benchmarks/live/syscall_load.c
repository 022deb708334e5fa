/* syscall_load.c: the workloads of benchmarks/live-overhead.sh.
 *
 *   syscall_load heavy ITERATIONS FILE
 *       ITERATIONS x (openat FILE + read 64 bytes + close), as fast as possible: a syscall-heavy
 *       program whose slowdown under the monitor is the overhead. Of its calls, openat and close
 *       are selected by the default rules/state (one exit event each); read is not (it arrives only
 *       with -A, as a generic event).
 *
 *   syscall_load rate KIND EVENTS_PER_S SECONDS FILE [THREADS]
 *       Selected events at a steady rate for SECONDS, from THREADS threads (default 1) sharing the
 *       rate. KIND openclose: openat FILE.<thread> + close pairs (two selected exit events per
 *       pair, the openat one with a path; the files are created and removed); KIND close:
 *       close(-1), one small selected close exit event (EBADF) per call, the cheapest selected
 *       event to make. Every millisecond each thread makes up its share of the events due by the
 *       clock (a late tick is caught up, not lost; absolute deadlines with clock_nanosleep); it
 *       stops SECONDS after the start whatever it reached. EVENTS_PER_S 0: no pacing, as fast as
 *       the threads can.
 *
 * Prints one line of key=value pairs: wall_s, cpu_s (user+sys of the process), syscalls, events
 * (the selected events it caused), events_per_s. */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#define TICK_NS 1000000L
#define MAX_THREADS 64

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static double cpu_s(void)
{
	struct rusage u;
	getrusage(RUSAGE_SELF, &u);
	return u.ru_utime.tv_sec + u.ru_utime.tv_usec / 1e6 + u.ru_stime.tv_sec + u.ru_stime.tv_usec / 1e6;
}

static int open_or_die(const char *file)
{
	int fd = openat(AT_FDCWD, file, O_RDONLY);
	if (fd < 0) {
		fprintf(stderr, "syscall_load: cannot open %s: %s\n", file, strerror(errno));
		exit(1);
	}
	return fd;
}

struct pacer {
	char file[4096];
	int events_per_op;  /* 2 for openclose, 1 for close */
	double ops_per_s;   /* this thread's share; 0 = unpaced */
	double start;
	double end;
	long ops;           /* done */
};

static void *paced_loop(void *arg)
{
	struct pacer *p = arg;
	struct timespec next;
	for (;;) {
		double t = now_s();
		if (t >= p->end)
			break;
		double due = p->ops_per_s > 0 ? (t - p->start) * p->ops_per_s : 1e18;
		/* the clock is read again every 256 operations so that a slow or unpaced loop stops on time */
		while (p->ops < due) {
			if (p->events_per_op == 2)
				close(open_or_die(p->file));
			else
				close(-1);
			if ((++p->ops & 255) == 0 && now_s() >= p->end)
				return NULL;
		}
		/* sleep until the next millisecond tick after t */
		double wake = p->start + ((long)((t - p->start) * 1e3) + 1) / 1e3;
		next.tv_sec = (time_t)wake;
		next.tv_nsec = (long)((wake - (double)next.tv_sec) * 1e9);
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL) == EINTR)
			;
	}
	return NULL;
}

static int usage(const char *me)
{
	fprintf(stderr,
		"usage: %s heavy ITERATIONS FILE\n"
		"       %s rate openclose|close EVENTS_PER_S SECONDS FILE [THREADS]   (0 = unpaced)\n",
		me, me);
	return 2;
}

int main(int argc, char **argv)
{
	if (argc >= 4 && strcmp(argv[1], "heavy") == 0) {
		long n = atol(argv[2]);
		const char *file = argv[3];
		char buf[64];
		double t0 = now_s(), c0 = cpu_s();
		for (long i = 0; i < n; i++) {
			int fd = openat(AT_FDCWD, file, O_RDONLY);
			if (fd < 0) {
				fprintf(stderr, "syscall_load: cannot open %s: %s\n", file, strerror(errno));
				return 1;
			}
			if (read(fd, buf, sizeof(buf)) < 0) {
				fprintf(stderr, "syscall_load: read %s: %s\n", file, strerror(errno));
				return 1;
			}
			close(fd);
		}
		double wall = now_s() - t0, cpu = cpu_s() - c0;
		printf("wall_s=%.4f cpu_s=%.4f syscalls=%ld events=%ld events_per_s=%.0f\n", wall, cpu, 3 * n,
		       2 * n, 2 * n / wall);
		return 0;
	}
	if (argc >= 6 && strcmp(argv[1], "rate") == 0) {
		const char *kind = argv[2];
		int per_op = strcmp(kind, "openclose") == 0 ? 2 : strcmp(kind, "close") == 0 ? 1 : 0;
		double rate = atof(argv[3]);
		double secs = atof(argv[4]);
		const char *file = argv[5];
		int threads = argc >= 7 ? atoi(argv[6]) : 1;
		if (per_op == 0 || threads < 1 || threads > MAX_THREADS || secs <= 0 || rate < 0)
			return usage(argv[0]);
		static struct pacer p[MAX_THREADS];
		pthread_t t[MAX_THREADS];
		for (int i = 0; i < threads; i++) {
			/* a file per thread (FILE.0, FILE.1, ...): threads opening one file contend on its dentry */
			p[i] = (struct pacer){"", per_op, rate / per_op / threads, 0, 0, 0};
			snprintf(p[i].file, sizeof(p[i].file), "%s.%d", file, i);
			if (per_op == 2) {
				int fd = open(p[i].file, O_WRONLY | O_CREAT, 0644);
				if (fd < 0) {
					fprintf(stderr, "syscall_load: cannot create %s: %s\n", p[i].file, strerror(errno));
					return 1;
				}
				close(fd);
			}
		}
		double t0 = now_s(), c0 = cpu_s();
		for (int i = 0; i < threads; i++) {
			p[i].start = t0;
			p[i].end = t0 + secs;
			if (pthread_create(&t[i], NULL, paced_loop, &p[i]) != 0) {
				fprintf(stderr, "syscall_load: pthread_create failed\n");
				return 1;
			}
		}
		long ops = 0;
		for (int i = 0; i < threads; i++) {
			pthread_join(t[i], NULL);
			ops += p[i].ops;
			if (per_op == 2)
				unlink(p[i].file);
		}
		double wall = now_s() - t0, cpu = cpu_s() - c0;
		long events = ops * per_op;
		printf("wall_s=%.4f cpu_s=%.4f syscalls=%ld events=%ld events_per_s=%.0f target_per_s=%.0f\n",
		       wall, cpu, events, events, events / wall, rate);
		return 0;
	}
	return usage(argv[0]);
}
