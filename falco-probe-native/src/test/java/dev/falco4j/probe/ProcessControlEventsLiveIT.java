package dev.falco4j.probe;

import static dev.falco4j.probe.LiveWorkload.drain;
import static dev.falco4j.probe.LiveWorkload.drainUntilExit;
import static dev.falco4j.probe.LiveWorkload.one;
import static dev.falco4j.probe.LiveWorkload.realPython;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.ParamType;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver-test shape for the calls the security rules look at beyond files and sockets: ptrace,
 * unshare/setns, setreuid/setregid/setresuid/setresgid, bpf, init_module/finit_module, and the old
 * fd-creating calls the state tracker follows (eventfd, signalfd, inotify_init, epoll_create,
 * io_uring_setup, open_by_handle_at). One Python child ({@code workloads/process_control.py}) makes
 * each call through syscall(2) and prints what it returned; every event is asserted parameter by
 * parameter against that, with flags and enumerations in their scap encodings.
 */
@Tag("live")
@ExtendWith(LiveProbeExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProcessControlEventsLiveIT {

  // PPM encodings (flags-table.tsv, dynamic-params.tsv)
  private static final int PTRACE_PEEKDATA = 0x3;
  private static final int PTRACE_ATTACH = 0xb;
  private static final int PTRACE_DETACH = 0xc;
  private static final int PPM_CLONE_NEWUTS = 0x80;
  private static final int MODULE_INIT_IGNORE_VERMAGIC = 0x2;
  private static final int EPERM = 1;
  private static final int EBADF = 9;
  private static final int EINVAL = 22;

  private final List<EventView> events = new ArrayList<>();
  private final Map<String, Long> ret = new HashMap<>();
  private long pid;

  @BeforeAll
  void runWorkload(LiveEventSource source, @TempDir Path dir) throws Exception {
    Path script = dir.resolve("process_control.py");
    try (InputStream in = getClass().getResourceAsStream("/workloads/process_control.py")) {
      assertThat(in).isNotNull();
      Files.copy(in, script);
    }
    drain(source, events, 200); // whatever was queued before the workload
    events.clear();
    Process py = new ProcessBuilder(realPython().toString(), script.toString(), dir.toString())
        .redirectErrorStream(true).start();
    pid = py.pid();
    String out = new String(py.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(py.waitFor()).as("workload output: %s", out).isZero();
    for (String kv : out.split("\\s+")) {
      String[] f = kv.split("=", 2);
      assertThat(f).as("workload output: %s", out).hasSize(2);
      ret.put(f[0], Long.parseLong(f[1]));
    }
    drainUntilExit(source, events, pid, 10);
    assertThat(source.counters().totalDrops()).isZero();
    assertThat(source.stats().skippedMalformed()).isZero();
  }

  private EventView mine(int type, Predicate<EventView> p) {
    return one(events, e -> e.type() == type && e.threadId() == pid && p.test(e));
  }

  private long r(String key) {
    assertThat(ret).containsKey(key);
    return ret.get(key);
  }

  private static String flagNames(EventView e, String param) {
    StringBuilder sb = new StringBuilder();
    e.appendFlagNames(e.paramIndex(param), true, sb);
    return sb.toString();
  }

  /** The selector of a PT_DYN parameter and its value. */
  private static void assertDyn(EventView e, String param, ParamType type, long value) {
    int i = e.paramIndex(param);
    assertThat(e.dynamicAlternative(i)).as("%s selector", param).isNotNull();
    assertThat(e.dynamicAlternative(i).type()).as("%s type", param).isEqualTo(type);
    assertThat(e.dynamicAsLong(i, -1)).as("%s value", param).isEqualTo(value);
  }

  @Test
  void everyFixedWidthParamOfEveryEventHasItsWidth() {
    assertThat(LiveWorkload.assertFixedWidths(events)).contains(EventType.PTRACE_X, EventType.BPF_2_X,
        EventType.SETNS_X, EventType.UNSHARE_X, EventType.INIT_MODULE_X, EventType.FINIT_MODULE_X);
  }

  @Test
  void ptraceAttachPeekDetachAndARefusedAttach() {
    long child = r("child");
    assertThat(r("attach")).isZero();
    EventView attach = mine(EventType.PTRACE_X, e -> e.paramAsLong(e.paramIndex("request")) == PTRACE_ATTACH
        && e.paramAsLong(e.paramIndex("pid")) == child);
    assertThat(attach.paramCount()).isEqualTo(5);
    assertThat(attach.paramAsLong(attach.paramIndex("res"))).isZero();
    assertThat(flagNames(attach, "request")).isEqualTo("PTRACE_ATTACH");
    assertDyn(attach, "addr", ParamType.UINT64, 0);
    assertDyn(attach, "data", ParamType.UINT64, 0);

    // PEEKDATA: addr is the address read, data the word the kernel fetched from the tracee
    assertThat(r("peek")).isZero();
    assertThat(r("peeked")).isEqualTo(0x1122334455667788L);
    EventView peek = mine(EventType.PTRACE_X, e -> e.paramAsLong(e.paramIndex("request")) == PTRACE_PEEKDATA);
    assertThat(peek.paramAsLong(peek.paramIndex("res"))).isZero();
    assertThat(peek.paramAsLong(peek.paramIndex("pid"))).isEqualTo(child);
    assertDyn(peek, "addr", ParamType.UINT64, r("word_addr"));
    assertDyn(peek, "data", ParamType.UINT64, 0x1122334455667788L);

    // DETACH: data is the signal delivered on resuming (none)
    assertThat(r("detach")).isZero();
    EventView detach = mine(EventType.PTRACE_X, e -> e.paramAsLong(e.paramIndex("request")) == PTRACE_DETACH);
    assertThat(detach.paramAsLong(detach.paramIndex("pid"))).isEqualTo(child);
    assertDyn(detach, "data", ParamType.SIGTYPE, 0);
    assertThat(flagNames(detach, "request")).isEqualTo("PTRACE_DETACH");

    // a failed call: the error, and addr/data zeroed as Falco's drivers do
    assertThat(r("attach_self")).isEqualTo(-EPERM);
    EventView self = mine(EventType.PTRACE_X, e -> e.paramAsLong(e.paramIndex("pid")) == pid);
    assertThat(self.paramAsLong(self.paramIndex("res"))).isEqualTo(-EPERM);
    assertThat(self.paramAsLong(self.paramIndex("request"))).isEqualTo(PTRACE_ATTACH);
    assertDyn(self, "addr", ParamType.UINT64, 0);
    assertDyn(self, "data", ParamType.UINT64, 0);
  }

  @Test
  void unshareAndSetnsCarryTheNamespaceTypeAsCloneFlags() {
    assertThat(r("unshare")).isZero();
    EventView unshare = mine(EventType.UNSHARE_X, e -> true);
    assertThat(unshare.paramCount()).isEqualTo(2);
    assertThat(unshare.paramAsLong(unshare.paramIndex("res"))).isZero();
    assertThat(unshare.paramAsLong(unshare.paramIndex("flags"))).isEqualTo(PPM_CLONE_NEWUTS);
    assertThat(flagNames(unshare, "flags")).isEqualTo("CLONE_NEWUTS");

    assertThat(r("setns")).isZero();
    EventView setns = mine(EventType.SETNS_X, e -> true);
    assertThat(setns.paramCount()).isEqualTo(3);
    assertThat(setns.paramAsLong(setns.paramIndex("res"))).isZero();
    assertThat(setns.paramAsLong(setns.paramIndex("fd"))).isEqualTo(r("nsfd"));
    assertThat(setns.paramAsLong(setns.paramIndex("nstype"))).isEqualTo(PPM_CLONE_NEWUTS);
    assertThat(setns.timestamp()).isGreaterThan(unshare.timestamp());
  }

  @Test
  void credentialCallsCarryTheRequestedIds() {
    long keep = 0xFFFFFFFFL; // -1 as a uid_t: leave unchanged
    for (Object[] c : new Object[][] {
        {EventType.SETREUID_X, "setreuid", new String[] {"ruid", "euid"}},
        {EventType.SETREGID_X, "setregid", new String[] {"rgid", "egid"}},
        {EventType.SETRESUID_X, "setresuid", new String[] {"ruid", "euid", "suid"}},
        {EventType.SETRESGID_X, "setresgid", new String[] {"rgid", "egid", "sgid"}}}) {
      assertThat(r((String) c[1])).isZero();
      EventView e = mine((Integer) c[0], x -> true);
      assertThat(e.paramAsLong(e.paramIndex("res"))).as((String) c[1]).isZero();
      for (String id : (String[]) c[2]) {
        assertThat(e.paramIndex(id)).as("%s has %s", c[1], id).isNotNegative();
        assertThat(e.paramAsLong(e.paramIndex(id)) & 0xFFFFFFFFL).as("%s %s", c[1], id).isEqualTo(keep);
      }
    }
  }

  @Test
  void bpfCarriesTheNewFdAndTheCommand() {
    assertThat(r("bpf_map")).isNotNegative();
    EventView map = mine(EventType.BPF_2_X, e -> e.paramAsLong(e.paramIndex("cmd")) == 0);
    assertThat(map.paramCount()).isEqualTo(2);
    assertThat(map.paramAsLong(map.paramIndex("fd"))).isEqualTo(r("bpf_map"));
    assertThat(flagNames(map, "cmd")).isEqualTo("BPF_MAP_CREATE");

    EventView prog = mine(EventType.BPF_2_X, e -> e.paramAsLong(e.paramIndex("cmd")) == 5);
    assertThat(prog.paramAsLong(prog.paramIndex("fd"))).isEqualTo(r("bpf_prog"));
    assertThat(flagNames(prog, "cmd")).isEqualTo("BPF_PROG_LOAD");

    assertThat(r("bpf_bad")).isEqualTo(-EINVAL);
    EventView bad = mine(EventType.BPF_2_X, e -> e.paramAsLong(e.paramIndex("cmd")) == 9999);
    assertThat(bad.paramAsLong(bad.paramIndex("fd"))).isEqualTo(-EINVAL);
  }

  @Test
  void moduleLoadsCarryImageArgumentsAndFlagsEvenWhenTheyFail() {
    // a kernel without module support answers ENOSYS; the events come all the same
    long finitRes = r("finit");
    assertThat(finitRes).isIn((long) -EBADF, -38L);
    EventView finit = mine(EventType.FINIT_MODULE_X, e -> true);
    assertThat(finit.paramCount()).isEqualTo(4);
    assertThat(finit.paramAsLong(finit.paramIndex("res"))).isEqualTo(finitRes);
    assertThat(finit.paramAsLong(finit.paramIndex("fd"))).isEqualTo(9999);
    assertThat(finit.paramAsString(finit.paramIndex("uargs"))).isEqualTo("f4j=1");
    assertThat(finit.paramAsLong(finit.paramIndex("flags"))).isEqualTo(MODULE_INIT_IGNORE_VERMAGIC);
    assertThat(flagNames(finit, "flags")).isEqualTo("MODULE_INIT_IGNORE_VERMAGIC");

    long initRes = r("init");
    assertThat(initRes).isNegative();
    EventView init = mine(EventType.INIT_MODULE_X, e -> true);
    assertThat(init.paramCount()).isEqualTo(4);
    assertThat(init.paramAsLong(init.paramIndex("res"))).isEqualTo(initRes);
    assertThat(init.paramBytes(init.paramIndex("img"))).isEqualTo("F4JNOTAMODULE".getBytes(StandardCharsets.US_ASCII));
    assertThat(init.paramAsLong(init.paramIndex("length"))).isEqualTo(13);
    assertThat(init.paramAsString(init.paramIndex("uargs"))).isEqualTo("f4j=1");
  }

  @Test
  void oldFdCreatingCallsCarryTheirFdsAndArguments() {
    EventView eventfd = mine(EventType.EVENTFD_X, e -> true);
    assertThat(eventfd.paramAsLong(eventfd.paramIndex("res"))).isEqualTo(r("eventfd")).isNotNegative();
    assertThat(eventfd.paramAsLong(eventfd.paramIndex("initval"))).isEqualTo(5);
    assertThat(eventfd.paramAsLong(eventfd.paramIndex("flags"))).isZero();

    EventView signalfd = mine(EventType.SIGNALFD_X, e -> true);
    assertThat(signalfd.paramAsLong(signalfd.paramIndex("res"))).isEqualTo(r("signalfd")).isNotNegative();
    assertThat(signalfd.paramAsLong(signalfd.paramIndex("fd"))).isEqualTo(-1);
    assertThat(signalfd.paramAsLong(signalfd.paramIndex("mask"))).isEqualTo(1L << 9); // SIGUSR1 = 10

    EventView inotify = mine(EventType.INOTIFY_INIT_X, e -> true);
    assertThat(inotify.paramAsLong(inotify.paramIndex("res"))).isEqualTo(r("inotify")).isNotNegative();

    EventView epoll = mine(EventType.EPOLL_CREATE_X, e -> true);
    assertThat(epoll.paramAsLong(epoll.paramIndex("res"))).isEqualTo(r("epoll")).isNotNegative();
    assertThat(epoll.paramAsLong(epoll.paramIndex("size"))).isEqualTo(7);

    EventView uring = mine(EventType.IO_URING_SETUP_X, e -> true);
    assertThat(uring.paramCount()).isEqualTo(8);
    assertThat(uring.paramAsLong(uring.paramIndex("res"))).isEqualTo(r("uring"));
    assertThat(uring.paramAsLong(uring.paramIndex("entries"))).isEqualTo(4);
    assertThat(uring.paramAsLong(uring.paramIndex("flags"))).isZero();
    if (r("uring") >= 0) { // io_uring can be disabled by sysctl: then only the error is there
      assertThat(uring.paramAsLong(uring.paramIndex("sq_entries"))).isEqualTo(r("uring_sq"));
      assertThat(uring.paramAsLong(uring.paramIndex("cq_entries"))).isEqualTo(r("uring_cq"));
      assertThat(uring.paramAsLong(uring.paramIndex("features"))).isEqualTo(r("uring_features") & 0x7FF);
    }
  }

  @Test
  void openByHandleAtNamesTheFileItOpened() throws Exception {
    assertThat(r("name_to_handle")).as("name_to_handle_at on the test directory").isZero();
    EventView byHandle = mine(EventType.OPEN_BY_HANDLE_AT_X, e -> true);
    assertThat(byHandle.paramCount()).isEqualTo(6);
    assertThat(byHandle.paramAsLong(byHandle.paramIndex("fd"))).isEqualTo(r("by_handle")).isNotNegative();
    assertThat(byHandle.paramAsLong(byHandle.paramIndex("mountfd"))).isEqualTo(r("mount_fd"));
    assertThat(byHandle.paramAsLong(byHandle.paramIndex("flags"))).isEqualTo(0x1); // PPM O_RDONLY
    String path = byHandle.paramAsString(byHandle.paramIndex("path"));
    assertThat(path).endsWith("/handle.txt");
    Path file = Path.of(path);
    assertThat(byHandle.paramAsLong(byHandle.paramIndex("ino")))
        .isEqualTo((Long) Files.getAttribute(file, "unix:ino"));
    assertThat(byHandle.paramAsLong(byHandle.paramIndex("dev")) & 0xFFFFFFFFL)
        .isEqualTo((Long) Files.getAttribute(file, "unix:dev"));
  }
}
