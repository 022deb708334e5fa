#!/usr/bin/env bash
# Called by Maven (exec-maven-plugin, generate-resources). Builds the probe and the shim and puts them
# where the jar packs them; when a tool is missing, the Java parts still build: the reason is written
# to native-unavailable.txt in the same place, and ProbeSupport reports it.
# Usage: build-native.sh OUT_DIR RESOURCE_DIR SPEC_DIR REQUIRED(true|false)
set -euo pipefail
out=$1 dest=$2 spec=$3 required=${4:-false}
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$dest"
rm -f "$dest/native-unavailable.txt"

missing=()
for tool in clang bpftool gcc make; do
  command -v "$tool" >/dev/null 2>&1 || [ -x "/usr/sbin/$tool" ] || missing+=("$tool")
done
[ -f /usr/include/bpf/libbpf.h ] || missing+=("libbpf-dev (/usr/include/bpf/libbpf.h)")
[ -r /sys/kernel/btf/vmlinux ] || missing+=("kernel BTF (/sys/kernel/btf/vmlinux) to generate vmlinux.h")

if [ ${#missing[@]} -ne 0 ]; then
  reason="the jar was built without the eBPF probe: missing ${missing[*]} on the build machine (scripts/setup.sh installs them)"
  rm -f "$dest/falco4j_probe.bpf.o" "$dest/libfalco4j_shim.so" # never ship stale binaries
  echo "$reason" > "$dest/native-unavailable.txt"
  echo "falco4j native build skipped: $reason" >&2
  if [ "$required" = "true" ]; then exit 1; fi
  exit 0
fi

export PATH="$PATH:/usr/sbin"
# The committed event_types.h is checked against shared/spec when that is at hand (tests, CI); a
# build from a checkout without shared/ (./falco on a fresh machine) uses the committed header.
checks=()
if [ -f "$spec/event-table.tsv" ]; then
  checks=(check-generated)
else
  echo "falco4j native build: $spec not found, event_types.h not re-checked against the spec" >&2
fi
make -s -C "$here" OUT="$out" SPEC="$spec" "${checks[@]}" all install DEST="$dest"
