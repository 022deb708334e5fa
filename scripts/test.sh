#!/usr/bin/env bash
# The whole test suite: installs what the tests need (scripts/setup.sh), then unit tests,
# integration tests against sysdig and the shared traces, and live eBPF tests (root) for every module.
# With CI=true, tests whose prerequisites (root, eBPF, sysdig) are missing fail instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# shared/ (spec, traces, upstream rules) sits beside the checkout; FALCO4J_SHARED_DIR overrides.
shared="${FALCO4J_SHARED_DIR:-}"
for candidate in "$shared" "$PWD/../shared" /work/shared; do
  if [ -n "$candidate" ] && [ -d "$candidate/spec" ]; then
    shared="$(cd "$candidate" && pwd)"
    break
  fi
done
exec mvn -B -ntp -e verify -Dfalco4j.shared.dir="$shared" "$@"
