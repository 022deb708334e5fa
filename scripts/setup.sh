#!/usr/bin/env bash
# Installs the system packages that building and testing Falco4J need, when they are missing.
# Called by ./falco and scripts/test.sh; safe to run again (it installs nothing when all is present).
#   clang, llvm, libbpf-dev, bpftool: compile the CO-RE eBPF probe and its loader shim
#   gcc, make: the loader shim and the ABI check
#   sysdig: the reference implementation the differential tests compare against
#   rsyslog, python3: real receivers for the output-sink tests
set -euo pipefail

need_cmds=(clang llc gcc make bpftool sysdig rsyslogd python3)
need_pkgs=(clang llvm gcc make libbpf-dev bpftool sysdig rsyslog python3)

missing=()
for i in "${!need_cmds[@]}"; do
  if ! command -v "${need_cmds[$i]}" >/dev/null 2>&1 && [ ! -x "/usr/sbin/${need_cmds[$i]}" ]; then
    missing+=("${need_pkgs[$i]}")
  fi
done
if [ ! -f /usr/include/bpf/libbpf.h ]; then
  missing+=(libbpf-dev)
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "falco4j setup: missing system packages: ${missing[*]}" >&2
  echo "falco4j setup: not root, so not installing them; run as root or: sudo apt-get install -y ${missing[*]}" >&2
  # Java parts still build without them; live capture and differential tests say what is missing.
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "falco4j setup: missing ${missing[*]} and no apt-get on this machine; install them by hand" >&2
  exit 0
fi

echo "falco4j setup: installing ${missing[*]} (apt-get) ..." >&2
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "falco4j setup: done" >&2
