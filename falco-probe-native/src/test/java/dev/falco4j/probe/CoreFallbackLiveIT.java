package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.testing.Prerequisites;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe's CO-RE fallbacks for older kernel layouts relocate and pass the verifier. This kernel
 * (6.15 or newer) has the newest layouts only, so older ones are made up: this machine's vmlinux.h is
 * rewritten the way older kernels declared the fields ({@code mm->rss_stat} as one struct of atomic
 * longs before 6.2, inode times as {@code struct timespec64} before 6.11 with the 6.6 and 6.7
 * renames, {@code kernfs_node->parent} before 6.15), compiled to BTF with clang, and the probe is
 * loaded with its relocations resolved against that BTF ({@code src/test/c/core_load_check.c},
 * libbpf's btf_custom_path) and verified by this kernel. Each variant must load, and libbpf's log must
 * show the relocations of that layout's branch matched and the newer ones not.
 */
@Tag("live")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreFallbackLiveIT {

  private static final String NEW_INODE_TIMES = String.join("\n",
      "\ttime64_t i_atime_sec;", "\ttime64_t i_mtime_sec;", "\ttime64_t i_ctime_sec;",
      "\tu32 i_atime_nsec;", "\tu32 i_mtime_nsec;", "\tu32 i_ctime_nsec;", "");
  private static final String NEW_RSS_STAT = "\tstruct percpu_counter rss_stat[4];\n";
  private static final String NEW_KN_PARENT = "\tstruct kernfs_node *__parent;\n";
  private static final Pattern RELO = Pattern.compile("prog '(\\w+)': relo #(\\d+): (.*)");
  private static final Pattern TYPE = Pattern.compile("^\\[\\d+\\] (STRUCT|UNION|ENUM) '(\\w+)'", Pattern.MULTILINE);

  private Path nativeDir;
  private Path work;
  private Path checker;
  private Path clang;
  private String vmlinux;
  private List<String> usedTypes;

  @BeforeAll
  void buildTools(@TempDir Path dir) throws Exception {
    Prerequisites.requireRoot();
    nativeDir = Path.of(System.getProperty("falco4j.native.build.dir", "target/native"));
    Path probe = nativeDir.resolve("falco4j_probe.bpf.o");
    Prerequisites.require(Files.isRegularFile(probe) && Files.isRegularFile(nativeDir.resolve("vmlinux.h")),
        "the native build (" + probe + " and vmlinux.h)");
    clang = Prerequisites.onPath("clang");
    Path gcc = Prerequisites.onPath("gcc");
    Path bpftool = Prerequisites.onPath("bpftool");
    if (bpftool == null && Files.isExecutable(Path.of("/usr/sbin/bpftool"))) {
      bpftool = Path.of("/usr/sbin/bpftool");
    }
    Prerequisites.require(clang != null && gcc != null && bpftool != null, "clang, gcc and bpftool");
    vmlinux = Files.readString(nativeDir.resolve("vmlinux.h"), StandardCharsets.UTF_8);
    Prerequisites.require(vmlinux.contains(NEW_INODE_TIMES) && vmlinux.contains(NEW_RSS_STAT)
        && vmlinux.contains(NEW_KN_PARENT), "a vmlinux.h of kernel 6.15 or newer to derive older layouts from");
    work = dir;
    checker = dir.resolve("core_load_check");
    run(List.of(gcc.toString(), "-O2", "-Wall", "-Werror", "-o", checker.toString(),
        EventTypesHeaderTest.sourceDir().resolve("../../test/c/core_load_check.c").normalize().toString(), "-lbpf"));
    // The struct, union and enum types the probe relocates against: declaring one variable of each
    // makes clang emit their full definitions (and everything they reach) as BTF.
    String dump = run(List.of(bpftool.toString(), "btf", "dump", "file", probe.toString()));
    TreeSet<String> names = new TreeSet<>();
    Matcher m = TYPE.matcher(dump);
    while (m.find()) {
      String kind = m.group(1).equals("ENUM") ? "enum" : m.group(1).toLowerCase(java.util.Locale.ROOT);
      String name = m.group(2).contains("___") ? m.group(2).substring(0, m.group(2).indexOf("___")) : m.group(2);
      names.add(kind + " " + name);
    }
    usedTypes = new ArrayList<>(names);
  }

  @Test
  void before62MmCountersAndBefore66InodeTimesAndBefore615KernfsParent() throws Exception {
    Map<String, Boolean> relos = load("old", older(vmlinux
        .replace(NEW_INODE_TIMES, "\tstruct timespec64 i_atime;\n\tstruct timespec64 i_mtime;\n\tstruct timespec64 i_ctime;\n")
        .replace(NEW_RSS_STAT, "\tstruct mm_rss_stat rss_stat;\n")
        .replace("struct mm_struct {\n", "struct mm_rss_stat {\n\tatomic_long_t count[4];\n};\n\nstruct mm_struct {\n")));
    assertResolved(relos, "struct mm_struct___f4j_old.rss_stat.count", true);
    assertResolved(relos, "struct mm_struct.rss_stat[0].count", false);
    assertResolved(relos, "struct inode___f4j_old.i_ctime", true);
    assertResolved(relos, "struct inode___f4j_old.i_mtime", true);
    assertResolved(relos, "struct inode___f4j_6_6.__i_ctime", false);
    assertResolved(relos, "struct inode.i_ctime_sec", false);
    assertResolved(relos, "struct kernfs_node___f4j_old.parent", true);
    assertResolved(relos, "struct kernfs_node.__parent", false);
  }

  @Test
  void kernel66RenamedOnlyTheChangeTime() throws Exception {
    Map<String, Boolean> relos = load("6.6", older(vmlinux.replace(NEW_INODE_TIMES,
        "\tstruct timespec64 i_atime;\n\tstruct timespec64 i_mtime;\n\tstruct timespec64 __i_ctime;\n")));
    assertResolved(relos, "struct inode___f4j_6_6.__i_ctime", true);
    assertResolved(relos, "struct inode___f4j_6_6.__i_mtime", false);
    assertResolved(relos, "struct inode___f4j_old.i_mtime", true);
    assertResolved(relos, "struct mm_struct.rss_stat[0].count", true);
  }

  @Test
  void kernels67To610HadUnderscoredTimespecs() throws Exception {
    Map<String, Boolean> relos = load("6.7", older(vmlinux.replace(NEW_INODE_TIMES,
        "\tstruct timespec64 __i_atime;\n\tstruct timespec64 __i_mtime;\n\tstruct timespec64 __i_ctime;\n")));
    assertResolved(relos, "struct inode___f4j_6_6.__i_ctime", true);
    assertResolved(relos, "struct inode___f4j_6_6.__i_mtime", true);
    assertResolved(relos, "struct inode.i_mtime_sec", false);
  }

  @Test
  void thisKernelUsesTheNewestLayouts() throws Exception {
    Map<String, Boolean> relos = check("current", Path.of("/sys/kernel/btf/vmlinux"));
    assertResolved(relos, "struct inode.i_ctime_sec", true);
    assertResolved(relos, "struct inode.i_mtime_sec", true);
    assertResolved(relos, "struct mm_struct.rss_stat[0].count", true);
    assertResolved(relos, "struct kernfs_node.__parent", true);
    assertResolved(relos, "struct mm_struct___f4j_old.rss_stat.count", false);
    assertResolved(relos, "struct inode___f4j_old.i_ctime", false);
  }

  /** kernfs_node's parent kept its plain name before 6.15 in all the older variants. */
  private static String older(String header) {
    return header.replace(NEW_KN_PARENT, "\tstruct kernfs_node *parent;\n");
  }

  /** Compiles the header to BTF and loads the probe against it; the relocations and whether each matched. */
  private Map<String, Boolean> load(String name, String header) throws Exception {
    Path h = work.resolve(name + ".h");
    Files.writeString(h, header, StandardCharsets.UTF_8);
    StringBuilder src = new StringBuilder("#include \"" + h.getFileName() + "\"\n");
    for (String t : usedTypes) {
      String[] kindName = t.split(" ");
      if (header.contains("\n" + t + " {\n")) {
        src.append(t).append(" f4j_").append(kindName[0]).append('_').append(kindName[1]).append(";\n");
      }
    }
    Path c = work.resolve(name + "-types.c");
    Files.writeString(c, src, StandardCharsets.UTF_8);
    Path btf = work.resolve(name + "-types.o");
    run(List.of(clang.toString(), "-g", "-O0", "-target", "bpf", "-I", work.toString(), "-c", c.toString(),
        "-o", btf.toString()));
    return check(name, btf);
  }

  private Map<String, Boolean> check(String name, Path btf) throws Exception {
    Process p = new ProcessBuilder(checker.toString(), nativeDir.resolve("falco4j_probe.bpf.o").toString(),
        btf.toString()).redirectErrorStream(true).start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    Files.writeString(work.resolve(name + ".log"), log);
    assertThat(p.exitValue()).as("probe loads against the %s layouts; libbpf says:%n%s", name,
        log.substring(Math.max(0, log.length() - 4000))).isZero();
    assertThat(log).contains("LOADED");
    // per (program, relocation number): its spec line, and whether a candidate matched
    Map<String, String> spec = new LinkedHashMap<>();
    Map<String, Boolean> matched = new LinkedHashMap<>();
    for (String line : log.split("\n")) {
      Matcher m = RELO.matcher(line);
      if (!m.find()) {
        continue;
      }
      String key = m.group(1) + "#" + m.group(2);
      String text = m.group(3);
      if (!spec.containsKey(key)) {
        spec.put(key, text);
        matched.put(key, false);
      } else if (text.startsWith("matching candidate")) {
        matched.put(key, true);
      }
    }
    Map<String, Boolean> bySpec = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : spec.entrySet()) {
      bySpec.merge(e.getValue(), matched.get(e.getKey()), Boolean::logicalOr);
    }
    return bySpec;
  }

  /** Some relocation naming {@code access} (e.g. "struct inode.i_ctime_sec") was (or none was) resolved. */
  private static void assertResolved(Map<String, Boolean> relos, String access, boolean resolved) {
    boolean seen = false;
    boolean any = false;
    for (Map.Entry<String, Boolean> e : relos.entrySet()) {
      if (e.getKey().contains("] " + access + " ")) {
        seen = true;
        any |= e.getValue();
      }
    }
    assertThat(seen).as("the probe has a relocation for %s", access).isTrue();
    assertThat(any).as("%s resolved", access).isEqualTo(resolved);
  }

  private static String run(List<String> cmd) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s%n%s", String.join(" ", cmd), out).isZero();
    return out;
  }
}
