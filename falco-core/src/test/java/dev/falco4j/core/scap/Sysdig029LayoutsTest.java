package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventFlags;
import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plans for sysdig 0.29.3: derived for every current type, only into types and parameter
 * counts that sysdig's table has, and right for the syscalls the probe sends (spot checks against
 * what libs' drivers of 2022 wrote for them).
 */
class Sysdig029LayoutsTest {

  private final Sysdig029Layouts layouts = Sysdig029Layouts.sysdig029();
  private final EventTable current = EventTable.current();
  private final EventTable older = EventTable.sysdig029();

  /** "target <- source" renames the converter table implies (anything else must match by name). */
  private static final Set<String> RENAMES = Set.of(
      "execve pgid <- vpgid", "execveat pgid <- vpgid", "dup fd <- oldfd", "bpf res_or_fd <- fd",
      "pluginevent plugin ID <- plugin_id");

  @Test
  void everyTypeHasAPlanIntoSysdigsTable() {
    List<String> problems = new ArrayList<>();
    for (int t = 0; t < current.size(); t++) {
      LayoutPlan plan = layouts.plan(t);
      if (plan == null) {
        problems.add(t + ": no plan");
        continue;
      }
      TargetLayout enter = plan.enter();
      if (enter != null && (older.event(enter.type()) != enter.target() || !enter.target().isEnter()
          || plan.drops())) {
        problems.add(t + ": bad enter part " + enter.target().symbol());
      }
      TargetLayout main = plan.olderEvent();
      if (main != null && older.event(main.type()) != main.target()) {
        problems.add(t + ": " + main.target().symbol() + " is not a row of sysdig's table");
      }
      if (plan.keepsEvent() && (t >= older.size()
          || !older.event(t).name().equals(current.event(t).name()))) {
        problems.add(t + ": kept, but sysdig's table has no such type");
      }
      if ((plan.route() == LayoutPlan.Route.DROP) != plan.drops()) {
        problems.add(t + ": route " + plan.route() + " but drops=" + plan.drops());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(layouts.plan(-1)).isNull();
    assertThat(layouts.plan(current.size())).isNull();
  }

  @Test
  void parametersComeFromTheCurrentParameterOfTheSameName() {
    List<String> problems = new ArrayList<>();
    for (int t = 0; t < current.size(); t++) {
      LayoutPlan plan = layouts.plan(t);
      EventInfo cur = current.event(t);
      for (TargetLayout part : new TargetLayout[] {plan.enter(), plan.olderEvent()}) {
        if (part == null) {
          continue;
        }
        for (int i = 0; i < part.target().paramCount(); i++) {
          int s = part.source(i);
          if (s < 0) {
            continue;
          }
          String to = part.target().param(i).name();
          String from = cur.param(s).name();
          if (!to.equals(from)
              && !RENAMES.contains(part.target().name() + " " + to + " <- " + from)) {
            problems.add(cur.symbol() + ": " + part.target().symbol() + "." + to + " <- " + from);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void exitOnlyEventsGetTheEnterEventTheirOlderLayoutNeeds() {
    // close exit (res, fd): sysdig 0.29 takes the fd from close enter and ignores the exit's fd
    LayoutPlan close = layouts.plan(EventType.CLOSE_X);
    assertThat(close.route()).isEqualTo(LayoutPlan.Route.CONVERTER);
    assertParts(close, "PPME_SYSCALL_CLOSE_E(fd<-fd)", "kept");
    assertThat(close.copiesAsIs(1)).isTrue(); // an old-style close exit comes with its enter
    assertThat(close.copiesAsIs(2)).isFalse();
    assertParts(layouts.plan(EventType.CONNECT_X), "PPME_SOCKET_CONNECT_E(fd<-fd addr<-addr)",
        "kept");
    // read: fd and size moved from the enter event into the exit event over the years
    assertParts(layouts.plan(EventType.READ_X), "PPME_SYSCALL_READ_E(fd<-fd size<-size)", "kept");
    // execve 19: its 2022 exit had 20 params; the filename went into the enter event
    LayoutPlan execve = layouts.plan(EventType.EXECVE_19_X);
    assertThat(execve.enter().target().symbol()).isEqualTo("PPME_SYSCALL_EXECVE_19_E");
    assertThat(execve.enter().source(0)).isEqualTo(current.event(EventType.EXECVE_19_X)
        .paramIndex("filename"));
    assertThat(execve.keepsEvent()).isTrue();
    assertThat(execve.copiesAsIs(20)).isTrue();
    assertThat(execve.copiesAsIs(31)).isFalse();
    assertThat(execve.blocks()).isEqualTo(2);
  }

  @Test
  void newerVersionsBecomeTheOlderVersionOfTheSameSyscall() {
    // same id, params appended since (ino, reaper_tid): sysdig ignores them, kept whole behind
    // the enter event of that time (procexit has none: it is an enter-only event)
    assertThat(layouts.plan(EventType.PROCEXIT_1_E).route()).isEqualTo(LayoutPlan.Route.SAME_TYPE);
    assertThat(layouts.plan(EventType.PROCEXIT_1_E).copiesAsIs(5)).isTrue();
    assertParts(layouts.plan(EventType.OPENAT_2_X), "PPME_SYSCALL_OPENAT_2_E(dirfd<-dirfd"
        + " name<-name flags<-flags mode<-mode)", "kept");
    assertThat(layouts.plan(EventType.OPENAT_2_X).copiesAsIs(6)).isTrue(); // 2022's layout
    assertThat(layouts.plan(EventType.OPENAT_2_X).copiesAsIs(7)).isFalse();
    assertParts(layouts.plan(335), "PPME_SYSCALL_CLONE3_E()", "kept");
    // dup (367) was dup 124/125 in 2022
    assertParts(layouts.plan(EventType.DUP_1_X), "PPME_SYSCALL_DUP_E(fd<-oldfd)",
        "PPME_SYSCALL_DUP_X(res<-res)");
    // bpf: the result was a dynamic param (fd or errno)
    assertParts(layouts.plan(EventType.BPF_2_X), "PPME_SYSCALL_BPF_E(cmd<-cmd)",
        "PPME_SYSCALL_BPF_X(res_or_fd<-fd)");
  }

  @Test
  void numberedVariantsBecomeTheirBaseSyscallsEvent() {
    for (int t : new int[] {EventType.DUP2_X, 365}) {
      assertThat(layouts.plan(t).route()).isEqualTo(LayoutPlan.Route.BASE_SYSCALL);
      assertParts(layouts.plan(t), "PPME_SYSCALL_DUP_E(fd<-oldfd)", "PPME_SYSCALL_DUP_X(res<-res)");
    }
    assertParts(layouts.plan(EventType.PIPE2_X), "PPME_SYSCALL_PIPE_E()",
        "PPME_SYSCALL_PIPE_X(res<-res fd1<-fd1 fd2<-fd2 ino<-ino)");
    assertThat(layouts.plan(current.find("eventfd2", false).id()).olderEvent().target().name())
        .isEqualTo("eventfd");
    assertThat(layouts.plan(current.find("umount2", false).id()).olderEvent().target().name())
        .isEqualTo("umount");
    assertThat(layouts.plan(current.find("inotify_init1", false).id()).olderEvent().target()
        .name()).isEqualTo("inotify_init");
    assertThat(layouts.plan(current.find("signalfd4", false).id()).olderEvent().target().name())
        .isEqualTo("signalfd");
  }

  @Test
  void syscallsWithoutAnOlderEventBecomeTheGenericPair() {
    LayoutPlan prctl = layouts.plan(EventType.PRCTL_X);
    assertThat(prctl.route()).isEqualTo(LayoutPlan.Route.GENERIC);
    TargetLayout enter = prctl.enter();
    TargetLayout exit = prctl.olderEvent();
    assertThat(enter.type()).isEqualTo(EventType.GENERIC_E);
    assertThat(exit.type()).isEqualTo(EventType.GENERIC_X);
    // ppm_sc 106 = prctl in both tables; x86_64 nr 157
    assertThat(enter.source(0)).isEqualTo(TargetLayout.CONSTANT);
    assertThat(enter.constant(0)).isEqualTo(106);
    assertThat(enter.constant(1)).isEqualTo(157);
    assertThat(exit.constant(0)).isEqualTo(106);
    assertThat(older.syscallName(106)).isEqualTo("prctl");
    for (String name : new String[] {"chown", "mlock", "capset", "setreuid", "newfstatat"}) {
      assertThat(layouts.plan(current.find(name, false).id()).route()).as(name)
          .isEqualTo(LayoutPlan.Route.GENERIC);
    }
  }

  @Test
  void whatSysdigCannotShowIsDropped() {
    for (int t : new int[] {EventType.ASYNCEVENT_E, EventType.MEMFD_CREATE_X,
        current.find("useradded", true).id(), current.find("task", true).id(),
        current.find("pidfd_open", false).id(), current.find("close_range", false).id(),
        EventType.PRCTL_X - 1 /* prctl enter: retired, its exit carries its params */}) {
      assertThat(layouts.plan(t).route()).as(current.event(t).symbol())
          .isEqualTo(LayoutPlan.Route.DROP);
      assertThat(layouts.plan(t).blocks()).isZero();
      assertThat(layouts.plan(t).why()).isNotBlank();
    }
  }

  @Test
  void eventsOfTypesSysdigKnowsAreKeptWhole() {
    int kept = 0;
    List<String> rewritten = new ArrayList<>();
    for (int t = 0; t < older.size(); t++) {
      EventInfo cur = current.event(t);
      EventInfo old = older.event(t);
      LayoutPlan plan = layouts.plan(t);
      if (cur.hasFlag(EventFlags.UNUSED) || !cur.name().equals(old.name())) {
        continue;
      }
      if (plan.olderEvent() != null) {
        rewritten.add(cur.symbol());
        continue;
      }
      assertThat(plan.keepsEvent()).as(cur.symbol()).isTrue();
      // an event in 2022's layout of a type whose params grew since comes from an old trace:
      // copied as it is, nothing added
      if (old.paramCount() < cur.paramCount()) {
        assertThat(plan.copiesAsIs(old.paramCount())).as(cur.symbol()).isTrue();
      }
      kept++;
    }
    assertThat(kept).isGreaterThan(300);
    assertThat(rewritten).as("same id, but a param changed width").isEqualTo(List.of());
  }

  private void assertParts(LayoutPlan plan, String... expected) {
    int type = -1;
    for (int t = 0; t < current.size(); t++) {
      if (layouts.plan(t) == plan) {
        type = t;
      }
    }
    List<String> actual = new ArrayList<>();
    for (TargetLayout part : new TargetLayout[] {plan.enter(), plan.olderEvent()}) {
      if (part == null) {
        continue;
      }
      StringBuilder sb = new StringBuilder(part.target().symbol()).append('(');
      for (int i = 0; i < part.target().paramCount(); i++) {
        int s = part.source(i);
        sb.append(i == 0 ? "" : " ").append(part.target().param(i).name()).append("<-")
            .append(s >= 0 ? current.event(type).param(s).name()
                : s == TargetLayout.CONSTANT ? "#" + part.constant(i) : "default");
      }
      actual.add(sb.append(')').toString());
    }
    if (plan.keepsEvent()) {
      actual.add("kept");
    }
    assertThat(actual).as(plan.toString()).containsExactly(expected);
  }
}
