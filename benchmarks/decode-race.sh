#!/usr/bin/env bash
# Decode race: Falco4J's scap reader vs `sysdig -r` on one big trace, in one run.
#
#   benchmarks/decode-race.sh [TRACE.scap] [COPIES]
#
# Without TRACE, builds one from ../shared/traces/ping_sendto.scap with shared/tools/scapmul.py
# (COPIES x its event blocks, default 3000: ~277 MB, 4.6 M events). sysdig gets a filter that
# matches nothing, so it decodes and parses every event, tracks state and prints none. Falco4J's
# reader decodes every event and reads every parameter (no state tracking, no filter: compare as
# "decode throughput"); when examples/target/falco.jar exists, `falco inspect` with the same filter
# runs too (reader + state tracker + compiled filter: the like-for-like comparison).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
shared="${FALCO4J_SHARED_DIR:-$repo/../shared}"
trace="${1:-}"
copies="${2:-3000}"
if [[ -z "$trace" ]]; then
  trace="${TMPDIR:-/tmp}/falco4j-decode-race-$copies.scap"
  if [[ ! -f "$trace" ]]; then
    python3 "$shared/tools/scapmul.py" "$shared/traces/ping_sendto.scap" "$trace" "$copies"
  fi
fi
jar="$repo/benchmarks/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  echo "build first: mvn -B -ntp -q -pl benchmarks -am package -DskipTests" >&2
  exit 2
fi
size=$(stat -c %s "$trace")
echo "trace: $trace ($((size / 1000000)) MB on disk)"
# warm the page cache so neither side pays for the first read
cat "$trace" > /dev/null
for round in 1 2 3; do
  echo "--- round $round"
  start=$(date +%s.%N)
  sysdig -r "$trace" "proc.name=falco4j_no_such_process" > /dev/null
  end=$(date +%s.%N)
  events=$(python3 - "$trace" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
off = n = 0
while off + 8 <= len(d):
    t, l = struct.unpack_from('<II', d, off)
    if t in (0x204, 0x216, 0x221, 0x208, 0x217, 0x222):
        n += 1
    off += l
print(n)
PY
)
  awk -v s="$start" -v e="$end" -v n="$events" -v b="$size" 'BEGIN {
    t = e - s; printf "sysdig:  %d events, %.1f MB in %.3f s: %.0f events/s, %.1f MB/s\n", n, b/1e6, t, n/t, b/1e6/t }'
  java -Xms256m -Xmx256m -cp "$jar" dev.falco4j.bench.ScapDecodeBenchmark "$trace"
  falco="$repo/examples/target/falco.jar"
  if [[ -f "$falco" ]]; then
    start=$(date +%s.%N)
    java -Xms256m -Xmx256m -jar "$falco" inspect --sysdig-tables "$trace" \
      "proc.name=falco4j_no_such_process" > /dev/null
    end=$(date +%s.%N)
    awk -v s="$start" -v e="$end" -v n="$events" -v b="$size" 'BEGIN {
      t = e - s; printf "falco inspect (state+filter, incl. JVM start): %.3f s: %.0f events/s, %.1f MB/s\n", t, n/t, b/1e6/t }'
  fi
done
