# Falco4J's JVM flags, one definition for the falco launcher and the benchmark scripts (sourced, not
# run). Each flag was measured with benchmarks/replay-race.sh on one core, whole process:
# - serial GC with a small young generation (peak RSS ~200 -> ~120 MB);
# - smaller inlined callees (C2 compiling huge methods took ~40% of a replay's CPU);
# - less JIT work before the first event: start-up-only code stays in C1 (compiler-directives.json)
#   and lukewarm methods stay interpreted longer (C1 compiled ~1,300 start-up methods);
# - the VM's own console output off: loading the directives prints a line on stdout, ahead of
#   falco's output (thread dumps: jcmd PID Thread.print);
# - the class-data archive JSA, when it exists (start-up).
# Foreground JIT (-XX:-BackgroundCompilation) is each caller's choice: only for a replay on one CPU.

# falco4j_jvm_flags ROOT [JSA]: prints the flags for the checkout at ROOT.
falco4j_jvm_flags() {
  local root="$1" jsa="${2:-}"
  local flags="-XX:+UseSerialGC -Xms64m -Xmn32m -XX:InlineSmallCode=500"
  flags="$flags -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput"
  flags="$flags -XX:CompilerDirectivesFile=$root/examples/jvm/compiler-directives.json"
  flags="$flags -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500"
  flags="$flags -XX:Tier3CompileThreshold=10000 -XX:Tier3BackEdgeThreshold=200000"
  if [ -n "$jsa" ] && [ -f "$jsa" ]; then
    flags="$flags -XX:SharedArchiveFile=$jsa -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
  echo "$flags"
}
