/* core_load_check.c: loads the probe with its CO-RE relocations resolved against a BTF file other
 * than the running kernel's (libbpf's btf_custom_path), to prove that the fallbacks for older kernel
 * layouts relocate and pass the verifier. The verifier still runs on this kernel, so a load proves
 * that every program stays valid whichever layout branch the relocations keep; the values read
 * through a foreign layout are meaningless and never used (nothing is attached).
 *
 *   core_load_check PROBE.o BTF_FILE     prints libbpf's messages (debug level included) to stdout,
 *                                        then "LOADED" and exits 0, or exits 1 when loading failed
 * Root (or CAP_BPF + CAP_PERFMON) needed. */
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int print_all(enum libbpf_print_level level, const char *fmt, va_list ap)
{
	(void)level;
	return vfprintf(stdout, fmt, ap);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s PROBE.o BTF_FILE\n", argv[0]);
		return 2;
	}
	libbpf_set_print(print_all);
	LIBBPF_OPTS(bpf_object_open_opts, opts, .btf_custom_path = argv[2]);
	struct bpf_object *obj = bpf_object__open_file(argv[1], &opts);
	if (!obj) {
		printf("cannot open %s\n", argv[1]);
		return 1;
	}
	int ncpus = libbpf_num_possible_cpus();
	const char *per_cpu[] = {"f4j_rings", "f4j_scratch", "f4j_paths"};
	for (int i = 0; i < 3; i++) {
		struct bpf_map *m = bpf_object__find_map_by_name(obj, per_cpu[i]);
		if (!m || bpf_map__set_max_entries(m, ncpus)) {
			printf("map %s missing\n", per_cpu[i]);
			return 1;
		}
	}
	/* The ring buffers are the shim's inner maps; one template is enough to load. */
	int ring = bpf_map_create(BPF_MAP_TYPE_RINGBUF, "f4j_ring", 0, 0, 4096 * 16, NULL);
	if (ring < 0 || bpf_map__set_inner_map_fd(bpf_object__find_map_by_name(obj, "f4j_rings"), ring)) {
		printf("cannot create the ring buffer template\n");
		return 1;
	}
	int err = bpf_object__load(obj);
	if (err) {
		printf("\nLOAD FAILED: %s\n", strerror(-err));
		return 1;
	}
	printf("\nLOADED\n");
	bpf_object__close(obj);
	close(ring);
	return 0;
}
