#!/usr/bin/env bash
# The whole test suite: installs what the tests need (scripts/setup.sh), then unit tests,
# integration tests against sysdig and the shared traces, and live eBPF tests (root) for every module.
# With CI=true, tests whose prerequisites (root, eBPF, sysdig) are missing fail instead of skipping.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec mvn -B -ntp -e verify "$@"
