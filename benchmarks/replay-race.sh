#!/usr/bin/env bash
# Replay race: Falco4J against sysdig 0.29.3 (libsinsp) on the same big trace, runs alternating on
# the same machine, every run pinned to the same single core. Prints, per contender, the median wall
# time (whole process: JVM start-up and JIT warm-up included), the median CPU time (user+sys, less
# sensitive to other load on a shared machine), events/s from each, the peak RSS, the alert count,
# and the ratios events/s(Falco4J) / events/s(sysdig) from the medians of this one run.
#
#   benchmarks/replay-race.sh [RUNS] [COPIES]     (defaults: 5 runs, 10000 copies of curl_google.scap)
#
# Case (a): a one-rule file (benchmarks/race/case-a.yaml) with the issue's filter, against sysdig
#           with the same filter.
# Case (b): the full upstream rules file for Falco4J, against sysdig with the single filter.
# Both sides write what they find to a file (Falco4J: file_output, sysdig: stdout redirected), and
# the case (a) alert count must equal sysdig's line count: the race stops when they differ.
#
# Opt-in cases, 1 -> 2 cores (issue 10's "beyond Falco" target), e.g. RACE_CASES="b b2 b2e bc2":
#   b2  the upstream rules as in (b), rule evaluation over 2 threads by process
#       (-o engine.eval_threads=2), pinned to 2 cores (RACE_CPUS2);
#   b2e the same, evaluation divided by event (-o engine.eval_partition=event);
#   bc2 one evaluation thread as in (b), pinned to the same 2 cores (what the second core gives
#       without parallel evaluation: the JIT compiler and GC run beside the event loop).
# Each prints its speed-up over (b), whole-process wall and CPU, and must raise (b)'s alerts.
#
# Environment: RACE_CPU (core to pin to, default 1), RACE_CPUS2 (the cores of b2/b2e/bc2, default
# 0,1), FALCO4J_JAVA (the JVM for Falco4J; default: java, as the ./falco launcher),
# FALCO4J_JAVA_OPTS (its flags; default: the launcher's), RACE_CASES (default "a b").
# Results: bench-out/race-<time>.tsv (one line per run) and bench-out/race-<time>.txt (the summary).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs="${1:-5}"
copies="${2:-10000}"
shared="${FALCO4J_SHARED_DIR:-$root/../shared}"
[ -d "$shared/traces" ] || shared=/work/shared
out="$root/bench-out"
mkdir -p "$out"
trace="$out/curl_google_x$copies.scap"
cpu="${RACE_CPU:-1}"
cpus2="${RACE_CPUS2:-0,1}"
cases="${RACE_CASES:-a b}"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
tsv="$out/race-$stamp.tsv"
summary="$out/race-$stamp.txt"

for tool in sysdig python3 taskset /usr/bin/time java; do
  command -v "$tool" >/dev/null || { echo "replay-race: '$tool' is needed" >&2; exit 2; }
done

if [ ! -f "$trace" ]; then
  echo "making $trace ($copies copies of curl_google.scap) ..." >&2
  python3 "$shared/tools/scapmul.py" "$shared/traces/curl_google.scap" "$trace" "$copies" \
    >"$out/scapmul.log"
fi
# Events = event blocks in the trace (both sides read every one; sysdig numbers and prints fewer,
# since it hides some event types): counted in the small trace, times the copies.
per_copy=$(python3 - "$shared/traces/curl_google.scap" <<'PY'
import gzip, struct, sys
d = open(sys.argv[1], 'rb').read()
if d[:2] == b'\x1f\x8b':
    d = gzip.decompress(d)
off = n = 0
while off + 8 <= len(d):
    t, l = struct.unpack_from('<II', d, off)
    if t in (0x204, 0x216, 0x221, 0x208, 0x217, 0x222):
        n += 1
    off += max(l, 12)
print(n)
PY
)
events=$(( per_copy * copies ))

jar="$root/examples/target/falco.jar"
if [ ! -f "$jar" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -ntp -q -DskipTests install)
fi

# The race runs a private copy of the jar (others may rebuild examples/target during a race). The
# JVM and its flags: the ./falco launcher's (examples/jvm/jvm-flags.sh; each flag was measured with
# this race), with its archive made once per jar and JDK by the launcher's training replay, outside
# the timing.
# shellcheck source=../examples/jvm/jvm-flags.sh
. "$root/examples/jvm/jvm-flags.sh"
jar="$(falco4j_private_jar "$jar" "$out")"
java="$(falco4j_java)"
if [ -z "${FALCO4J_JAVA_OPTS+x}" ]; then
  java_opts="$(falco4j_default_flags "$root" "$jar" "$java" "${jar%.jar}" replay-race)" || true
else
  java_opts="$FALCO4J_JAVA_OPTS"
fi

filter='proc.name=curl and evt.type in (connect, sendto) and fd.sip != 127.0.0.1'
fmt='%evt.num %proc.name %evt.type %fd.name'
rules_a="$root/benchmarks/race/case-a.yaml"
rules_b="$shared/rules-upstream/falco_rules.yaml"

# Keep the trace in the page cache so that neither side pays for the first read.
cat "$trace" >/dev/null

# run NAME ALERTFILE CMD... : runs CMD pinned (to $pin, default the one race core) and timed,
# appends "NAME wall_s user_s sys_s maxrss_kb alerts" to the TSV.
run() {
  local name="$1" alerts="$2"; shift 2
  rm -f "$alerts"
  if ! /usr/bin/time -f "%e %U %S %M" -o "$out/race-time.txt" taskset -c "${pin:-$cpu}" "$@" \
      >"$out/race-$name.stdout" 2>"$out/race-$name.err"; then
    echo "replay-race: $name failed; see $out/race-$name.err" >&2
    tail -5 "$out/race-$name.err" >&2
    exit 1
  fi
  local n=0
  [ -f "$alerts" ] && n=$(wc -l <"$alerts")
  echo "$name $(tail -1 "$out/race-time.txt") $n" >>"$tsv"
  echo "  $name: $(tail -1 "$out/race-time.txt") alerts=$n" >&2
}

# falco4j NAME RULES [OPTION...]: one Falco4J replay; extra options go after the usual ones.
falco4j() {
  local name="$1" rules="$2"; shift 2
  # As the launcher: foreground JIT only when the process has one CPU (with two, the compiler
  # threads run on the other one).
  local jit=""
  if [ -z "${FALCO4J_JAVA_OPTS+x}" ] && [[ "${pin:-$cpu}" != *[,-]* ]]; then
    jit="-XX:-BackgroundCompilation"
  fi
  # shellcheck disable=SC2086  # the JVM flags are a list
  run "$name" "$out/race-$name.alerts" "$java" $java_opts $jit -jar "$jar" -e "$trace" -r "$rules" \
    -o stdout_output.enabled=false -o file_output.enabled=true -o file_output.keep_alive=true \
    -o "file_output.filename=$out/race-$name.alerts" -o buffered_outputs=true "$@"
}

{
  echo "# replay race $stamp: $runs runs, trace $trace ($events events), core $cpu (2-core cases: $cpus2)"
  echo "# falco4j: $("$java" -version 2>&1 | head -1), flags: ${java_opts:-<none>}"
  echo "# sysdig: $(sysdig --version 2>&1 | head -1); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$summary" >&2
: >"$tsv"
for i in $(seq 1 "$runs"); do
  echo "round $i/$runs" >&2
  run sysdig "$out/race-sysdig.alerts" \
    sh -c 'exec sysdig -r "$1" -p "$2" "$3" >"$4"' sysdig "$trace" "$fmt" "$filter" \
    "$out/race-sysdig.alerts"
  for c in $cases; do
    case "$c" in
      a) falco4j falco4j_a "$rules_a" ;;
      b) falco4j falco4j_b "$rules_b" ;;
      b2) pin="$cpus2" falco4j falco4j_b2 "$rules_b" -o engine.eval_threads=2 ;;
      b2e) pin="$cpus2" falco4j falco4j_b2e "$rules_b" -o engine.eval_threads=2 \
        -o engine.eval_partition=event ;;
      bc2) pin="$cpus2" falco4j falco4j_bc2 "$rules_b" ;;
      *) echo "replay-race: unknown case '$c'" >&2; exit 2 ;;
    esac
  done
  # more evaluation threads or cores must not change the alerts: same lines, same order
  for c in $cases; do
    case "$c" in
      b2|b2e|bc2)
        if [[ " $cases " == *" b "* ]] && ! cmp -s "$out/race-falco4j_b.alerts" "$out/race-falco4j_$c.alerts"; then
          echo "replay-race: falco4j_$c alerts differ from falco4j_b's" >&2
          exit 1
        fi ;;
    esac
  done
  # events as Falco4J counted them must be the trace's events
  for c in $cases; do
    seen=$(grep -o '[0-9]* events processed' "$out/race-falco4j_$c.err" | cut -d' ' -f1 || true)
    if [ "$seen" != "$events" ]; then
      echo "replay-race: falco4j_$c processed '$seen' events, the trace has $events" >&2
      exit 1
    fi
  done
done

python3 - "$tsv" "$events" <<'PY' | tee -a "$summary"
import sys, statistics
rows = [l.split() for l in open(sys.argv[1]) if l.strip()]
events = int(sys.argv[2])
names = []
for r in rows:
    if r[0] not in names:
        names.append(r[0])
wall, cpu = {}, {}
alerts = {}
print(f"{'':10s} {'wall s':>7s} {'M ev/s':>7s} {'cpu s':>7s} {'M ev/cpu-s':>10s} {'peak RSS MB':>11s} {'alerts':>7s}")
for n in names:
    mine = [r for r in rows if r[0] == n]
    wall[n] = statistics.median(float(r[1]) for r in mine)
    cpu[n] = statistics.median(float(r[2]) + float(r[3]) for r in mine)
    rss = max(int(r[4]) for r in mine) / 1024
    counts = sorted({int(r[5]) for r in mine})
    alerts[n] = counts
    print(f"{n:10s} {wall[n]:7.2f} {events/wall[n]/1e6:7.2f} {cpu[n]:7.2f} {events/cpu[n]/1e6:10.2f} "
          f"{rss:11.1f} {','.join(map(str, counts)):>7s}")
for n in names:
    if n != "sysdig":
        print(f"ratio {n}/sysdig events/s: wall {wall['sysdig']/wall[n]:.2f}x, cpu {cpu['sysdig']/cpu[n]:.2f}x")
for n in ("falco4j_b2", "falco4j_b2e", "falco4j_bc2"):
    if n in wall and "falco4j_b" in wall:
        print(f"speed-up 1 -> 2 cores, {n} over falco4j_b: wall {wall['falco4j_b']/wall[n]:.2f}x "
              f"(cpu {cpu[n]:.2f} s on 2 cores, {cpu['falco4j_b']:.2f} s on 1)")
print(f"events per run: {events}; runs: {len(rows) // len(names)}")
for n in ("falco4j_b2", "falco4j_b2e", "falco4j_bc2"):
    if n in alerts and "falco4j_b" in alerts and alerts[n] != alerts["falco4j_b"]:
        print(f"MISMATCH: {n} raised {alerts[n]} alerts, falco4j_b {alerts['falco4j_b']}")
        sys.exit(1)
if "falco4j_a" in alerts and alerts["falco4j_a"] != alerts["sysdig"]:
    print(f"MISMATCH: case (a) raised {alerts['falco4j_a']} alerts, sysdig printed {alerts['sysdig']} lines")
    sys.exit(1)
PY
echo "per-run rows: $tsv; summary: $summary" >&2
