# Falco4J's JVM choice and flags, one definition for the falco launcher and the benchmark scripts
# (sourced, not run). Each flag was measured with benchmarks/replay-race.sh on one core, whole
# process:
# - serial GC with a small young generation (peak RSS ~200 -> ~120 MB);
# - smaller inlined callees (C2 compiling huge methods took ~40% of a replay's CPU);
# - less JIT work before the first event: start-up-only code stays in C1 (compiler-directives.json)
#   and lukewarm methods stay interpreted longer (C1 compiled ~1,300 start-up methods);
# - the VM's own console output off: loading the directives prints a line on stdout, ahead of
#   falco's output (thread dumps: jcmd PID Thread.print);
# - an archive made once per jar and JDK by a training run with these same flags (an archive made
#   with other flags, e.g. another GC, is partly or wholly ignored): a class-data archive, or on
#   JDK 25+ an AOT cache (classes loaded and linked, and the training's method profiles).
# Foreground JIT (-XX:-BackgroundCompilation) is each caller's choice: only for a replay on one CPU.

# falco4j_java: prints the java to run Falco4J with: $FALCO4J_JAVA when set, else the java on PATH.
# Falco4J is built for Java 17 and runs on newer JDKs too (flags below). JDK 25 with its AOT cache
# replayed no faster than JDK 17 with a class-data archive in a side-by-side race here (case a: CPU
# median 3.69 vs 3.59 s, case b 3.97 vs 4.09 s, 6 runs each), so the default stays the build's.
falco4j_java() {
  echo "${FALCO4J_JAVA:-java}"
}

# falco4j_java_feature JAVA: prints the feature release of JAVA (17, 25...), from the release file
# of its home (no JVM started), or 0 when unknown.
falco4j_java_feature() {
  local bin home version
  bin="$(command -v "$1" 2>/dev/null)" || { echo 0; return; }
  home="$(dirname "$(dirname "$(readlink -f "$bin")")")"
  version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release" 2>/dev/null)"
  echo "${version:-0}"
}

# falco4j_archive_file BASE FEATURE: the archive for that JDK: BASE-jdkFEATURE.aot (AOT cache, JDK
# 25+) or BASE-jdkFEATURE.jsa (class-data archive).
falco4j_archive_file() {
  if [ "$2" -ge 25 ]; then echo "$1-jdk$2.aot"; else echo "$1-jdk$2.jsa"; fi
}

# falco4j_archive_training_flags FEATURE FILE: the flags that make FILE at the end of a training run.
falco4j_archive_training_flags() {
  if [ "$1" -ge 25 ]; then echo "-XX:AOTCacheOutput=$2"; else echo "-XX:ArchiveClassesAtExit=$2"; fi
}

# falco4j_jvm_flags ROOT [ARCHIVE [FEATURE]]: prints the flags for the checkout at ROOT, run by a JDK
# of release FEATURE (default 17), with ARCHIVE when it exists.
falco4j_jvm_flags() {
  local root="$1" archive="${2:-}" feature="${3:-17}"
  local flags="-XX:+UseSerialGC -Xms64m -Xmn32m -XX:InlineSmallCode=500"
  flags="$flags -XX:+UnlockDiagnosticVMOptions -XX:-DisplayVMOutput"
  flags="$flags -XX:CompilerDirectivesFile=$root/examples/jvm/compiler-directives.json"
  flags="$flags -XX:Tier3InvocationThreshold=1000 -XX:Tier3MinInvocationThreshold=500"
  flags="$flags -XX:Tier3CompileThreshold=10000 -XX:Tier3BackEdgeThreshold=200000"
  if [ "$feature" -ge 24 ]; then
    # jffi (under JNR-FFI) loads its stub library and uses sun.misc.Unsafe: allowed, not warned of.
    flags="$flags --enable-native-access=ALL-UNNAMED --sun-misc-unsafe-memory-access=allow"
  fi
  if [ -n "$archive" ] && [ -f "$archive" ]; then
    if [ "$feature" -ge 25 ]; then
      flags="$flags -XX:AOTCache=$archive -Xlog:aot=off -Xlog:cds=off"
    else
      flags="$flags -XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
    fi
  fi
  echo "$flags"
}

# falco4j_make_archive ROOT JAR JAVA ARCHIVE: makes ARCHIVE for JAR run by JAVA, from a training
# replay of a test trace with the default rules and falco4j_jvm_flags (an AOT cache records the
# VM's flags and refuses others); true when it was made. The training writes nothing.
falco4j_make_archive() {
  local root="$1" jar="$2" java="$3" archive="$4" feature
  feature="$(falco4j_java_feature "$java")"
  local training="$root/examples/src/test/resources/traces/default-rules/netcat-exec.scap.gz"
  # shellcheck disable=SC2046  # the flags are a list
  if "$java" $(falco4j_jvm_flags "$root" "" "$feature") \
      $(falco4j_archive_training_flags "$feature" "$archive.$$") -jar "$jar" -e "$training" \
      -o stdout_output.enabled=false >/dev/null 2>&1 && [ -f "$archive.$$" ]; then
    mv -f "$archive.$$" "$archive"
    rm -f "$archive.$$.config"
    return 0
  fi
  rm -f "$archive.$$" "$archive.$$.config"
  return 1
}

# falco4j_default_flags ROOT JAR JAVA ARCHIVE_BASE [LABEL]: prints the flags for JAR run by JAVA, with
# the archive ARCHIVE_BASE-jdkN.jsa (or .aot) made first when it is missing or older than JAR.
# Fails (after printing the flags) when the archive could not be made. With LABEL, says on stderr
# that the archive is being made, and when it could not be.
falco4j_default_flags() {
  local root="$1" jar="$2" java="$3" base="$4" label="${5:-}" feature archive made=0
  feature="$(falco4j_java_feature "$java")"
  archive="$(falco4j_archive_file "$base" "$feature")"
  if [ ! -f "$archive" ] || [ "$jar" -nt "$archive" ]; then
    [ -z "$label" ] || echo "$label: making the archive $archive ..." >&2
    falco4j_make_archive "$root" "$jar" "$java" "$archive" || made=1
    [ "$made" = 0 ] || [ -z "$label" ] || echo "$label: no archive" >&2
  fi
  falco4j_jvm_flags "$root" "$archive" "$feature"
  return "$made"
}

# falco4j_private_jar JAR DIR: copies JAR into DIR once per content (DIR/falco-CHECKSUM.jar) and
# prints the copy's path: a benchmark runs the copy, which a rebuild of JAR during the run cannot
# change, and whose archive stays valid across runs.
falco4j_private_jar() {
  local sum
  sum=$(cksum <"$1" | cut -d' ' -f1)
  [ -f "$2/falco-$sum.jar" ] || cp "$1" "$2/falco-$sum.jar"
  echo "$2/falco-$sum.jar"
}
