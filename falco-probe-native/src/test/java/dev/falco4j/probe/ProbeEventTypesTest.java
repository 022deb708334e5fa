package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.engine.Engine;
import dev.falco4j.core.engine.RuleSelection;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.SyscallInfo;
import dev.falco4j.core.field.FieldCatalog;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.core.testing.SharedFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link ProbeEventTypes} and the probe agree: every event of the shim's handler table ({@code
 * F4J_HANDLERS} in {@code shim/f4j_shim.c}) is listed as dedicated and the other way round, and every
 * handler program of the table exists in the probe sources. A handler missing from the Java list would
 * never be selected by {@link LiveOptions#defaults()}; a type listed without a handler would silently
 * arrive as nothing.
 */
class ProbeEventTypesTest {

  private static final Pattern HANDLER =
      Pattern.compile("\\{\"(f4j_x_\\w+)\", __NR_(\\w+), (F4J_EVT_\\w+)\\}");
  private static final Pattern DEFINE = Pattern.compile("^#define (F4J_EVT_\\w+) (\\d+)$");
  private static final Pattern PROGRAM = Pattern.compile("BPF_PROG\\((f4j_x_\\w+),");

  @Test
  void theShimHandlerTableAndTheJavaListNameTheSameEvents() throws IOException {
    Path src = EventTypesHeaderTest.sourceDir();
    Map<String, Integer> ids = new HashMap<>();
    for (String line : Files.readAllLines(src.resolve("include/event_types.h"), StandardCharsets.UTF_8)) {
      Matcher m = DEFINE.matcher(line);
      if (m.matches()) {
        ids.put(m.group(1), Integer.parseInt(m.group(2)));
      }
    }
    String shim = Files.readString(src.resolve("shim/f4j_shim.c"), StandardCharsets.UTF_8);
    Set<Integer> handled = new TreeSet<>();
    Set<String> programs = new HashSet<>();
    Matcher m = HANDLER.matcher(shim);
    while (m.find()) {
      assertThat(ids).as("event of handler %s", m.group(1)).containsKey(m.group(3));
      assertThat(handled.add(ids.get(m.group(3)))).as("%s listed twice", m.group(3)).isTrue();
      programs.add(m.group(1));
    }
    assertThat(handled).as("handlers parsed from f4j_shim.c").hasSizeGreaterThan(80);

    Set<Integer> dedicated = new TreeSet<>();
    for (int t : ProbeEventTypes.dedicated()) {
      assertThat(dedicated.add(t)).as("type %d listed twice", t).isTrue();
    }
    dedicated.remove(EventType.PROCEXIT_1_E); // a scheduler tracepoint, not a syscall handler
    assertThat(dedicated).isEqualTo(handled);

    Set<String> defined = new HashSet<>();
    try (Stream<Path> files = Files.list(src.resolve("probe/events"))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Matcher p = PROGRAM.matcher(Files.readString(f, StandardCharsets.UTF_8));
        while (p.find()) {
          defined.add(p.group(1));
        }
      }
    }
    assertThat(defined).containsAll(programs);
  }

  /**
   * Every system call that a rule of Falco4J's default rules or of upstream Falco's rules can match
   * (after macro and list expansion, disabled rules included), and every one the state tracker
   * follows, has a dedicated handler: none of them may arrive as a parameterless generic event.
   */
  @Test
  void everySyscallTheRulesAndTheStateTrackerUseHasAHandler() throws Exception {
    EventTable table = EventTable.current();
    BitSet types = SystemState.trackedEventTypes(table);
    String builtIn;
    try (InputStream in = ProbeEventTypesTest.class.getResourceAsStream("/rules/falco4j_rules.yaml")) {
      assertThat(in).as("falco-core's default rules on the class path").isNotNull();
      builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    for (Engine engine : new Engine[] {
      Engine.builder().rulesString("falco4j_rules.yaml", builtIn).fields(new FieldCatalog()).build(),
      Engine.builder().rulesFile(SharedFiles.upstreamRules()).fields(new FieldCatalog()).build()}) {
      engine.select(RuleSelection.enableRule("*"));
      BitSet rules = engine.ruleEventTypes();
      assertThat(rules.cardinality()).as("rules restrict their event types").isLessThan(table.size());
      types.or(rules);
    }
    Map<String, SyscallInfo> syscalls = new HashMap<>();
    Map<Integer, SyscallInfo> byCode = new HashMap<>();
    for (SyscallInfo s : table.syscalls()) {
      syscalls.putIfAbsent(s.name(), s);
      byCode.putIfAbsent(s.ppmSc(), s);
    }
    // Ids past the table are the generic events of a syscall (FieldCatalog: size + ppm_sc code):
    // every syscall name also covers them, for traces that carry it generic. A rule may only name
    // syscalls that also have an event of their own, which the probe then sends.
    Set<String> onlyGeneric = new TreeSet<>();
    for (int id = types.nextSetBit(table.size()); id >= 0; id = types.nextSetBit(id + 1)) {
      SyscallInfo s = byCode.get(id - table.size());
      if (s == null || s.generic()) {
        onlyGeneric.add(s == null ? "code " + (id - table.size()) : s.name());
      }
    }
    assertThat(onlyGeneric).as("rules on syscalls without an event of their own").isEmpty();
    Set<String> missing = new TreeSet<>();
    Set<String> covered = new TreeSet<>();
    for (int id = types.nextSetBit(0); id >= 0 && id < table.size(); id = types.nextSetBit(id + 1)) {
      String name = table.event(id).name();
      SyscallInfo s = syscalls.get(name);
      if (s == null || s.generic()) {
        continue; // not a system call of its own (procexit, container, switch, user/group added)
      }
      (ProbeEventTypes.isDedicated(s.exitEvent()) ? covered : missing).add(name);
    }
    assertThat(missing).as("syscalls without a probe handler").isEmpty();
    assertThat(covered).contains("ptrace", "setns", "unshare", "init_module", "finit_module", "bpf",
        "setreuid", "setresuid", "open_by_handle_at", "io_uring_setup", "epoll_create");
  }
}
