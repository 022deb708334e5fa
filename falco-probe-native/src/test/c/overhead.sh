#!/usr/bin/env bash
# Side-by-side overhead of the live probe (run as root after `mvn -pl falco-probe-native install`):
#   falco-probe-native/src/test/c/overhead.sh [REPEATS]
# Workloads: dd bs=1 (4M read/write syscalls, none of them selected by default) and N x openat+close
# (every call selected). Modes: none, selected (LiveOptions.defaults()), all (every syscall).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$here/../../../target/native
src=$here/../../main/c
repeats=${1:-3}
gcc -O2 -I"$src/shim" -I"$src/include" -o "$native/probe_bench" "$here/probe_bench.c" \
  -L"$native" -lfalco4j_shim -Wl,-rpath,"$native"
obj=$native/falco4j_probe.bpf.o
for i in $(seq "$repeats"); do
  for mode in none selected all; do
    echo "dd      $("$native/probe_bench" "$obj" "$mode" -- dd if=/dev/zero of=/dev/null bs=1 count=2000000)"
  done
  for mode in none selected all; do
    echo "openclo $("$native/probe_bench" "$obj" "$mode" --openclose 500000)"
  done
done
