#!/usr/bin/env bash
# Live overhead: the whole monitor (falco live: eBPF probe + Java engine with the built-in default
# rules and configuration) against workloads run alone, alternating on the same machine. As root:
#
#   benchmarks/live-overhead.sh [ROUNDS]          (default 3 rounds)
#
# (a) syscall-heavy workloads, each alone, under falco (default kernel-side selection: only the
#     event types the rules and the state need) and under falco -A (every syscall):
#       heavy  benchmarks/live/syscall_load heavy: N x openat+read+close of a temp file (openat and
#              close selected by default, read only with -A)
#       dd     dd if=/dev/zero of=/dev/null bs=1 count=N (read/write: nothing selected by default)
#     -> added wall and CPU time of the workload in %, events/s the probe delivered, drops.
# (b) a generator of selected events (syscall_load rate, LIVE_RATE_THREADS threads) at LIVE_RATE ev/s
#     for LIVE_RATE_SECONDS and unpaced (its maximum) for LIVE_MAX_SECONDS, under falco, and each for
#     LIVE_ALONE_SECONDS alone (what the generator reaches without the monitor); kinds: openclose
#     (openat+close of a file, 2 selected events per pair) and close (close(-1): the cheapest
#     selected event)
#     -> achieved rate, the generator's CPU per event, events Falco4J processed, drops, Falco4J's
#        CPU% and CPU per event over the run, the probe's reader wake-ups (IRQ work interrupts).
#
# Falco runs from a private copy of examples/target/falco.jar (a rebuild by someone else during the
# run cannot change it; the ./falco launcher would rebuild when any source is newer than the jar) with
# the launcher's JVM flags for live capture (FALCO4J_JAVA_OPTS replaces them), alerts to a file,
# stdout output off. A run waits for falco's "watching this host live" line plus LIVE_SETTLE_SECONDS
# (the /proc scan and start-up JIT finish), samples the probe's per-CPU counters (bpftool, the
# counters map of that falco process) and falco's CPU time (/proc/PID/stat), runs the workload,
# samples again, waits LIVE_DRAIN_SECONDS, then stops falco with SIGINT and parses its summary line
# ("N events processed, D dropped"). Nothing is pinned; the 1-minute load average before each run
# is recorded (the machine is shared: read the medians with it).
#
# Environment (defaults): LIVE_HEAVY_ITERATIONS (500000), LIVE_DD_COUNT (1000000), LIVE_RATE
# (500000), LIVE_RATE_SECONDS (30), LIVE_MAX_SECONDS (10), LIVE_ALONE_SECONDS (5), LIVE_RATE_THREADS
# (2), LIVE_RATE_KINDS ("openclose close"), LIVE_CASES ("heavy dd rate"), LIVE_SETTLE_SECONDS (2),
# LIVE_DRAIN_SECONDS (1), LIVE_NICE (0: the nice value of falco and the workloads alike; negative
# gives them precedence over other work on a shared machine), LIVE_FALCO_ARGS (extra falco
# arguments, e.g. "-o key=value"), FALCO4J_JAVA_OPTS. About 10 minutes for 3 rounds.
# Results: bench-out/live-<time>.tsv (one line per run), bench-out/live-<time>.txt (the summary),
# bench-out/live-<time>/ (each run's falco stderr/stdout and workload output).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
rounds="${1:-3}"
heavy_n="${LIVE_HEAVY_ITERATIONS:-500000}"
dd_n="${LIVE_DD_COUNT:-1000000}"
rate="${LIVE_RATE:-500000}"
rate_s="${LIVE_RATE_SECONDS:-30}"
max_s="${LIVE_MAX_SECONDS:-10}"
alone_s="${LIVE_ALONE_SECONDS:-5}"
kinds="${LIVE_RATE_KINDS:-openclose close}"
rate_threads="${LIVE_RATE_THREADS:-2}"
cases="${LIVE_CASES:-heavy dd rate}"
settle="${LIVE_SETTLE_SECONDS:-2}"
drain="${LIVE_DRAIN_SECONDS:-1}"
nice_n="${LIVE_NICE:-0}"
read -r -a falco_extra <<<"${LIVE_FALCO_ARGS:-}"
out="$root/bench-out"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
tsv="$out/live-$stamp.tsv"
summary="$out/live-$stamp.txt"
runs="$out/live-$stamp"
mkdir -p "$runs"

[ "$(id -u)" = 0 ] || { echo "live-overhead: run as root (the eBPF probe needs it)" >&2; exit 2; }
for tool in gcc java bpftool python3 dd /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "live-overhead: '$tool' is needed" >&2; exit 2; }
done

jar="$root/examples/target/falco.jar"
if [ ! -f "$jar" ]; then
  echo "building $jar ..." >&2
  (cd "$root" && mvn -B -ntp -q -DskipTests install)
fi
# shellcheck source=../examples/jvm/jvm-flags.sh
. "$root/examples/jvm/jvm-flags.sh"
jar="$(falco4j_private_jar "$jar" "$out")"

load="$runs/syscall_load"
gcc -O2 -Wall -Wextra -pthread -o "$load" "$root/benchmarks/live/syscall_load.c"
file="$runs/openme.txt"
head -c 4096 /dev/zero >"$file"

# The JVM and its flags: the ./falco launcher's for live capture (examples/jvm/jvm-flags.sh;
# foreground JIT is for replay only), with its archive made once per jar and JDK by the launcher's
# training replay, outside the timing. FALCO4J_JAVA chooses another JVM.
java="$(falco4j_java)"
if [ -z "${FALCO4J_JAVA_OPTS+x}" ]; then
  default_opts="$(falco4j_default_flags "$root" "$jar" "$java" "${jar%.jar}" live-overhead)" || true
  read -r -a java_opts <<<"$default_opts"
else
  read -r -a java_opts <<<"$FALCO4J_JAVA_OPTS"
fi
clk_tck=$(getconf CLK_TCK)

falco_pid=""
cleanup() {
  if [ -n "$falco_pid" ] && kill -0 "$falco_pid" 2>/dev/null; then
    kill -INT "$falco_pid" 2>/dev/null || true
  fi
}
trap cleanup EXIT

# The probe's per-CPU counters map of process $1 (a per-CPU array of one 32-byte f4j_counters),
# found among its map fds; prints "events0,events1,..;full0,..;large0,.." or "-" when not found.
counters() {
  local pid="$1" f id=""
  for f in /proc/"$pid"/fdinfo/*; do
    if grep -q '^map_type:[[:space:]]*6$' "$f" 2>/dev/null \
        && grep -q '^value_size:[[:space:]]*32$' "$f" && grep -q '^max_entries:[[:space:]]*1$' "$f"; then
      id=$(awk '/^map_id:/ {print $2}' "$f")
      break
    fi
  done
  [ -n "$id" ] || { echo "-"; return; }
  { bpftool -j map dump id "$id" 2>/dev/null || echo '[]'; } | python3 -c '
import json, sys
try:
    v = json.load(sys.stdin)[0]["formatted"]["values"]
except (ValueError, LookupError):
    print("-")  # no BTF-formatted dump: counters unknown for this run
    sys.exit(0)
v.sort(key=lambda c: c["cpu"])
print(";".join(",".join(str(c["value"][k]) for c in v) for k in ("events", "drops_buffer", "drops_too_large")))'
}

# IRQ work interrupts, all CPUs: a ring buffer wake-up of the reader from the probe raises one
# (bpf_ringbuf_output with BPF_RB_FORCE_WAKEUP -> irq_work_queue -> a self-IPI, a VM exit here).
irq_work() {
  awk '$1 == "IWI:" {s = 0; for (i = 2; i <= NF && $i ~ /^[0-9]+$/; i++) s += $i; print s}' /proc/interrupts
}

cpu_ticks() {  # utime+stime of process $1, in clock ticks
  awk '{print $14 + $15}' "/proc/$1/stat"
}

# start_falco NAME ARGS...: starts falco live in the background and waits until it watches.
start_falco() {
  local name="$1"; shift
  rm -f "$runs/$name.alerts"
  nice -n "$nice_n" "$java" "${java_opts[@]}" -jar "$jar" -o stdout_output.enabled=false -o file_output.enabled=true \
    -o file_output.keep_alive=true -o "file_output.filename=$runs/$name.alerts" \
    ${falco_extra[@]+"${falco_extra[@]}"} "$@" >"$runs/$name.falco.out" 2>"$runs/$name.falco.err" &
  falco_pid=$!
  local waited=0
  until grep -q "watching this host live" "$runs/$name.falco.err" 2>/dev/null; do
    if ! kill -0 "$falco_pid" 2>/dev/null; then
      echo "live-overhead: falco exited before it watched; see $runs/$name.falco.err" >&2
      tail -5 "$runs/$name.falco.err" >&2
      exit 1
    fi
    waited=$((waited + 1))
    if [ "$waited" -gt 1200 ]; then
      echo "live-overhead: falco did not start watching within 120 s" >&2
      exit 1
    fi
    sleep 0.1
  done
  sleep "$settle"
}

# stop_falco NAME: SIGINT, waits for the summary; prints "processed dropped skipped".
stop_falco() {
  local name="$1" i
  kill -INT "$falco_pid"
  for i in $(seq 300); do
    kill -0 "$falco_pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$falco_pid" 2>/dev/null; then
    echo "live-overhead: falco did not stop within 30 s of SIGINT; killing it" >&2
    kill -KILL "$falco_pid" 2>/dev/null || true
  fi
  wait "$falco_pid" 2>/dev/null || true
  falco_pid=""
  python3 - "$runs/$name.falco.err" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"falco: (\d+) events processed[^,\n]*, (?:(\d+) dropped|drops unknown)(?:, (\d+) skipped)?", text)
if not m:
    sys.stderr.write("live-overhead: no summary line in " + sys.argv[1] + "\n")
    print("- - -")
else:
    print(m.group(1), m.group(2) or "-", m.group(3) or "0")
PY
}

# workload CASE NAME: runs the workload; prints "wall_s cpu_s workload_events".
workload() {
  local c="$1" name="$2" line
  case "$c" in
    heavy)
      line=$(nice -n "$nice_n" "$load" heavy "$heavy_n" "$file")
      ;;
    dd)
      /usr/bin/time -f "wall_s=%e user_s=%U sys_s=%S" -o "$runs/$name.time" \
        nice -n "$nice_n" dd if=/dev/zero of=/dev/null bs=1 count="$dd_n" 2>"$runs/$name.dd"
      line=$(python3 -c '
import sys
d = dict(kv.split("=") for kv in open(sys.argv[1]).read().split())
print("wall_s=%s cpu_s=%.2f events=0" % (d["wall_s"], float(d["user_s"]) + float(d["sys_s"])))' \
        "$runs/$name.time")
      ;;
    rate-*)  # rate-KIND-TARGET-SECONDS
      local kind target secs
      IFS=- read -r _ kind target secs <<<"$c"
      line=$(nice -n "$nice_n" "$load" rate "$kind" "$target" "$secs" "$file" "$rate_threads")
      ;;
  esac
  echo "$line" >"$runs/$name.workload"
  python3 -c '
import sys
d = dict(kv.split("=") for kv in sys.argv[1].split())
print(d["wall_s"], d["cpu_s"], d["events"])' "$line"
}

# run CASE MODE ROUND: MODE alone | default | all. Appends one TSV row.
run() {
  local c="$1" mode="$2" r="$3" name="$1-$2-$3" load1 res wall cpu wlev
  local before="-" after="-" final="-" t0=0 t1=0 processed="-" dropped="-" skipped="-" alerts=0
  local iwi0 iwi1
  load1=$(cut -d' ' -f1 /proc/loadavg)
  if [ "$mode" = alone ]; then
    iwi0=$(irq_work)
    res=$(workload "$c" "$name")
    iwi1=$(irq_work)
  else
    local args=()
    [ "$mode" = all ] && args=(-A)
    start_falco "$name" ${args[@]+"${args[@]}"}
    before=$(counters "$falco_pid")
    t0=$(cpu_ticks "$falco_pid")
    iwi0=$(irq_work)
    res=$(workload "$c" "$name")
    iwi1=$(irq_work)
    t1=$(cpu_ticks "$falco_pid")
    after=$(counters "$falco_pid")
    sleep "$drain"
    final=$(counters "$falco_pid")
    read -r processed dropped skipped <<<"$(stop_falco "$name")"
    [ -f "$runs/$name.alerts" ] && alerts=$(wc -l <"$runs/$name.alerts")
  fi
  read -r wall cpu wlev <<<"$res"
  local falco_cpu_s
  falco_cpu_s=$(python3 -c "print('%.2f' % (($t1 - $t0) / $clk_tck))")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$r" "$c" "$mode" \
    "$load1" "$wall" "$cpu" "$wlev" "$before" "$after" "$final" "$processed" "$dropped" "$skipped" \
    "$falco_cpu_s" "$alerts" "$((iwi1 - iwi0))" >>"$tsv"
  echo "  $name: load $load1, wall ${wall}s cpu ${cpu}s events $wlev; falco processed $processed dropped $dropped cpu ${falco_cpu_s}s" >&2
}

{
  echo "# live overhead $stamp: $rounds rounds; $(nproc) CPUs, kernel $(uname -r)"
  echo "# falco4j: $jar ($("$java" -version 2>&1 | head -1)), JVM flags: ${java_opts[*]}"
  echo "# falco args: -o stdout_output.enabled=false -o file_output.enabled=true ${LIVE_FALCO_ARGS:-}"
  echo "# heavy: $heavy_n x openat+read+close; dd: bs=1 count=$dd_n; rate: $rate ev/s for $rate_s s" \
    "and unpaced for $max_s s under falco, ${alone_s} s alone; $rate_threads threads; kinds: $kinds"
  echo "# nice $nice_n; load before: $(cat /proc/loadavg)"
} | tee "$summary" >&2
: >"$tsv"
for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds" >&2
  for c in $cases; do
    case "$c" in
      heavy|dd)
        for mode in alone default all; do
          run "$c" "$mode" "$r"
        done
        ;;
      rate)
        for kind in $kinds; do
          run "rate-$kind-$rate-$alone_s" alone "$r"
          run "rate-$kind-$rate-$rate_s" default "$r"
          run "rate-$kind-0-$alone_s" alone "$r"
          run "rate-$kind-0-$max_s" default "$r"
        done
        ;;
      *) echo "live-overhead: unknown case '$c'" >&2; exit 2 ;;
    esac
  done
done

python3 "$root/benchmarks/live/summarize.py" "$tsv" | tee -a "$summary"
echo "per-run rows: $tsv; runs: $runs/; summary: $summary" >&2
