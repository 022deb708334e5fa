package dev.falco4j.core.scap;

import dev.falco4j.core.event.EventCategory;
import dev.falco4j.core.event.EventFlags;
import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.ParamType;
import dev.falco4j.core.event.SyscallInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For every event type of the current table, how to write it so that an older reader (Debian's
 * sysdig 0.29.3, libs e5c53d64) reads the same syscall with the same values. Nothing is typed in
 * per event: the plans are derived from the two event tables and current libscap's converter
 * table, by these rules, in order:
 *
 * <ol>
 *   <li><b>Same type.</b> The older table has the type id with the same name and direction, and
 *       its parameters are a prefix of today's (same widths): events carrying no more parameters
 *       than the older row are copied as they are (old traces stay byte-identical).
 *   <li><b>Older layout (converter backwards).</b> Current libscap upgrades every older layout to
 *       today's with the converter table: an older exit event, with the older enter event's
 *       parameters pulled in ({@code ENTER:i}), climbs rule by rule to a current type (e.g. {@code
 *       close} exit (res) + enter (fd) becomes {@code close} exit (res, fd); {@code dup} 124/125
 *       becomes {@code dup} 367). Running those rules symbolically over every exit type of the
 *       older table tells, for each current exit type, which older exit (and enter) parameter
 *       each current parameter came from; reading that backwards gives the older events to write.
 *       The older enter event is written when the older exit lacks some of its parameters, or when
 *       the older exit uses an fd (sysdig 0.29 takes the fd of an exit event from its enter
 *       event). Among several older versions the newest one (not {@code EF_OLD_VERSION} in the
 *       older table) wins. Parameters the rules do not place are matched by name (e.g. {@code
 *       connect} enter's {@code fd}/{@code addr}), else written as the converter's default.
 *   <li>Otherwise, the type with today's parameters minus the ones appended since (a prefix of the
 *       same type id, see 1).
 *   <li><b>Base syscall.</b> A numbered variant unknown to the older table ({@code pipe2}, {@code
 *       dup2}, {@code dup3}, {@code eventfd2}, {@code signalfd4}, {@code inotify_init1}, {@code
 *       umount2}) is written as its base syscall's event, parameters matched by name: drivers of
 *       that time reported those syscalls with the base event (e.g. {@code pipe2} as {@code
 *       PPME_SYSCALL_PIPE_E/X}).
 *   <li><b>Generic.</b> Any other syscall whose {@code ppm_sc} code the older table knows becomes
 *       the generic {@code syscall} enter/exit pair carrying that code and the native number
 *       (today's {@code prctl}, {@code memfd_create}...): the older reader shows the syscall's name,
 *       without arguments, as it did for syscalls without an event of their own. {@code ppm_sc}
 *       codes are the same in both tables (the older one is a prefix, only some names differ).
 *   <li><b>Drop.</b> Everything else (metadata and kernel-iterator events such as {@code
 *       asyncevent}, {@code useradded} or {@code task}, placeholder rows, retired enter events
 *       whose exit already carries their parameters, syscalls newer than the older table).
 * </ol>
 *
 * <p>Immutable and thread-safe; {@link #sysdig029()} is derived once per JVM.
 */
final class Sysdig029Layouts {

  /** A symbolic parameter: an older exit parameter i is {@code i}, an enter one ENTER + j. */
  private static final int ENTER = 1 << 16;
  private static final int EMPTY = -1;
  private static final int NO_VALUE = -2;
  private static final int MAX_ROUNDS = 50; // libscap's own limit on conversion rounds
  private static final Pattern NUMBERED = Pattern.compile("([a-z_]*[a-z_])[0-9]+");

  private static final class Holder {
    static final Sysdig029Layouts INSTANCE =
        new Sysdig029Layouts(EventTable.current(), EventTable.sysdig029(), ConverterRules.libscap());
  }

  private final EventTable current;
  private final EventTable older;
  private final ConverterRules rules;
  private final LayoutPlan[] plans;

  Sysdig029Layouts(EventTable current, EventTable older, ConverterRules rules) {
    this.current = current;
    this.older = older;
    this.rules = rules;
    this.plans = new LayoutPlan[current.size()];
    Candidate[] fromConverter = converterCandidates();
    for (int t = 0; t < plans.length; t++) {
      plans[t] = sameTypeOrConverter(t, fromConverter);
    }
    for (int t = 0; t < plans.length; t++) {
      if (plans[t] == null) {
        plans[t] = baseSyscall(t);
      }
    }
    for (int t = 0; t < plans.length; t++) {
      if (plans[t] == null) {
        plans[t] = genericOrDrop(t);
      }
    }
  }

  /** The plans for Debian's sysdig 0.29.3 (derived on first use). */
  static Sysdig029Layouts sysdig029() {
    return Holder.INSTANCE;
  }

  /** The table events are decoded with. */
  EventTable current() {
    return current;
  }

  /** The table of the reader the trace is written for. */
  EventTable older() {
    return older;
  }

  /** The plan of current event type {@code type}, or null outside the current table. */
  LayoutPlan plan(int type) {
    return type >= 0 && type < plans.length ? plans[type] : null;
  }

  // ------------------------------------------------------------------ rule 2: converter backwards

  /** An older exit type and, per current parameter, its symbolic origin. */
  private record Candidate(int olderExit, int[] origins) {}

  /** The best older layout for each current exit type, from the converter rules. */
  private Candidate[] converterCandidates() {
    Candidate[] best = new Candidate[current.size()];
    for (int x = 1; x < older.size(); x += 2) {
      EventInfo oldExit = older.event(x);
      if (oldExit.isEnter() || isPlaceholder(oldExit)) {
        continue;
      }
      Sym[] pending = new Sym[1];
      EventInfo oldEnter = olderEnterOf(x);
      if (oldEnter != null) {
        int[] params = new int[oldEnter.paramCount()];
        for (int j = 0; j < params.length; j++) {
          params[j] = ENTER + j;
        }
        run(new Sym(oldEnter.id(), params), pending);
      }
      int[] params = new int[oldExit.paramCount()];
      for (int i = 0; i < params.length; i++) {
        params[i] = i;
      }
      Sym delivered = run(new Sym(x, params), pending);
      if (delivered == null || delivered.type < 0 || delivered.type >= best.length) {
        continue;
      }
      EventInfo target = current.event(delivered.type);
      if (target.isEnter() || delivered.params.length != target.paramCount()) {
        continue;
      }
      Candidate c = new Candidate(x, delivered.params);
      Candidate b = best[delivered.type];
      if (b == null || prefer(c, b)) {
        best[delivered.type] = c;
      }
    }
    return best;
  }

  /** The newest older version wins: not EF_OLD_VERSION in the older table, then the higher id. */
  private boolean prefer(Candidate a, Candidate b) {
    boolean aOld = older.event(a.olderExit).hasFlag(EventFlags.OLD_VERSION);
    boolean bOld = older.event(b.olderExit).hasFlag(EventFlags.OLD_VERSION);
    if (aOld != bOld) {
      return !aOld;
    }
    return a.olderExit > b.olderExit;
  }

  private record Sym(int type, int[] params) {}

  /**
   * Runs the converter on a symbolic event as current libscap runs it on a file's event
   * (scap-format.md §12.3): returns the delivered event, or null when it is stored, dropped or the
   * rules fail for it.
   */
  private Sym run(Sym ev, Sym[] pending) {
    for (int round = 0; round < MAX_ROUNDS; round++) {
      EventInfo info = current.event(ev.type);
      if (info == null || info.hasFlag(EventFlags.UNUSED)) {
        return null;
      }
      boolean old = info.hasFlag(EventFlags.OLD_VERSION);
      if (!info.hasFlag(EventFlags.CONVERTER_MANAGED)) {
        return old ? null : ev;
      }
      int n = ev.params.length;
      if (!info.isEnter()) {
        if (n > info.paramCount()) {
          return null;
        }
        if (!old && n == info.paramCount()) {
          return ev;
        }
      }
      ConverterRules.Rule rule = rules.find(ev.type, n);
      if (rule == null) {
        return null;
      }
      switch (rule.action()) {
        case STORE:
          pending[0] = ev;
          return null;
        case PASS:
          return ev;
        case STORE_AND_PASS:
          pending[0] = ev;
          return ev;
        default:
          break;
      }
      List<ConverterRules.Instruction> instrs = rule.instructions();
      int[] built = new int[instrs.size()];
      boolean usedEnter = false;
      for (int k = 0; k < built.length; k++) {
        ConverterRules.Instruction in = instrs.get(k);
        switch (in.source()) {
          case OLD:
            built[k] = in.index() < n ? ev.params[in.index()] : EMPTY;
            break;
          case ENTER: {
            Sym enter = pending[0];
            if (enter != null && enter.type != ev.type - 1) {
              return null; // libscap fails the read: not the matching enter event
            }
            built[k] = enter != null && in.index() < enter.params.length
                ? enter.params[in.index()] : in.emptyFallback() ? EMPTY : NO_VALUE;
            usedEnter = true;
            break;
          }
          default:
            built[k] = in.source() == ConverterRules.Source.EMPTY ? EMPTY : NO_VALUE;
        }
      }
      if (usedEnter) {
        pending[0] = null;
      }
      if (rule.action() == ConverterRules.Action.ADD_PARAMS) {
        int[] grown = Arrays.copyOf(ev.params, n + built.length);
        System.arraycopy(built, 0, grown, n, built.length);
        ev = new Sym(ev.type, grown);
      } else {
        ev = new Sym(rule.desiredId(), built);
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ rules 1-3

  private LayoutPlan sameTypeOrConverter(int t, Candidate[] fromConverter) {
    EventInfo cur = current.event(t);
    if (cur.hasFlag(EventFlags.UNUSED) || isPlaceholder(cur)) {
      return LayoutPlan.drop("placeholder row " + cur.symbol());
    }
    int asIs = sameTypePrefix(cur);
    int syscallId = syscallIdParam(cur);
    Candidate c = cur.isEnter() ? null : fromConverter[t];
    if (c != null && !(asIs >= cur.paramCount())) {
      return converterPlan(cur, c, asIs, syscallId);
    }
    if (asIs >= 0) {
      // today's params minus the ones appended since: the older row is a prefix of this one
      EventInfo target = older.event(t);
      int[] sources = new int[target.paramCount()];
      for (int i = 0; i < sources.length; i++) {
        sources[i] = i < cur.paramCount() ? i : TargetLayout.DEFAULT;
      }
      TargetLayout main = new TargetLayout(target, cur, sources, new long[sources.length]);
      return new LayoutPlan(LayoutPlan.Route.SAME_TYPE, asIs, List.of(main), syscallId,
          cur.symbol() + " has " + target.paramCount() + " of " + cur.paramCount()
              + " params in the older table");
    }
    return null;
  }

  /**
   * How many params an event of this type may carry and still be copied as is: the older row's
   * count when the older table has this id with the same name, direction, length width and
   * parameter widths (names and flag sets may differ), else -1.
   */
  private int sameTypePrefix(EventInfo cur) {
    EventInfo old = older.event(cur.id());
    if (old == null || isPlaceholder(old) || !old.name().equals(cur.name())
        || old.isEnter() != cur.isEnter() || old.isLargePayload() != cur.isLargePayload()) {
      return -1;
    }
    int n = Math.min(old.paramCount(), cur.paramCount());
    for (int i = 0; i < n; i++) {
      if (old.param(i).type().fixedSize() != cur.param(i).type().fixedSize()) {
        return -1;
      }
    }
    return old.paramCount();
  }

  private LayoutPlan converterPlan(EventInfo cur, Candidate c, int asIs, int syscallId) {
    EventInfo oldExit = older.event(c.olderExit);
    EventInfo oldEnter = olderEnterOf(c.olderExit);
    boolean needsEnter = false;
    for (int origin : c.origins) {
      needsEnter |= origin >= ENTER;
    }
    // sysdig 0.29 takes an exit event's fd from the thread's last enter event
    needsEnter |= oldExit.hasFlag(EventFlags.USES_FD);
    List<TargetLayout> parts = new ArrayList<>(2);
    if (oldEnter != null && needsEnter && oldEnter.paramCount() > 0) {
      parts.add(layoutFrom(oldEnter, cur, c.origins, ENTER));
    }
    parts.add(layoutFrom(oldExit, cur, c.origins, 0));
    String why = cur.symbol() + " written as " + (parts.size() == 2
        ? oldEnter.symbol() + " + " : "") + oldExit.symbol();
    return new LayoutPlan(LayoutPlan.Route.CONVERTER, Math.max(-1, asIs), parts, syscallId, why);
  }

  /** The older row {@code target} filled from the current event's params whose origin is base+i. */
  private TargetLayout layoutFrom(EventInfo target, EventInfo cur, int[] origins, int base) {
    int[] sources = new int[target.paramCount()];
    for (int i = 0; i < sources.length; i++) {
      sources[i] = TargetLayout.DEFAULT;
      for (int p = 0; p < origins.length; p++) {
        if (origins[p] == base + i) {
          sources[i] = p;
          break;
        }
      }
      if (sources[i] == TargetLayout.DEFAULT) {
        sources[i] = byName(cur, target.param(i).name(), target.param(i).type());
      }
    }
    return new TargetLayout(target, cur, sources, new long[sources.length]);
  }

  /** The current param of that name with a compatible encoding, else DEFAULT. */
  private static int byName(EventInfo cur, String name, ParamType type) {
    int p = cur.paramIndex(name);
    if (p < 0) {
      return TargetLayout.DEFAULT;
    }
    ParamType from = cur.param(p).type();
    boolean compatible = from.fixedSize() == type.fixedSize()
        || (from.isInteger() && type.isInteger())
        || (type == ParamType.DYN && from.isInteger());
    return compatible ? p : TargetLayout.DEFAULT;
  }

  // ------------------------------------------------------------------ rule 4: base syscall

  private LayoutPlan baseSyscall(int t) {
    EventInfo cur = current.event(t);
    Matcher m = NUMBERED.matcher(cur.name());
    if (cur.hasFlag(EventFlags.OLD_VERSION) || !m.matches()) {
      return null;
    }
    EventInfo base = current.find(m.group(1), cur.isEnter());
    LayoutPlan basePlan = base == null ? null : plans[base.id()];
    if (basePlan == null || basePlan.route() == LayoutPlan.Route.DROP
        || basePlan.route() == LayoutPlan.Route.GENERIC || basePlan.main() == null) {
      return null;
    }
    List<TargetLayout> parts = new ArrayList<>(2);
    for (int k = 0; k < basePlan.partCount(); k++) {
      TargetLayout b = basePlan.part(k);
      EventInfo target = b.target();
      int[] sources = new int[target.paramCount()];
      for (int i = 0; i < sources.length; i++) {
        int s = b.source(i);
        sources[i] = s < 0 ? TargetLayout.DEFAULT
            : byName(cur, base.param(s).name(), target.param(i).type());
      }
      parts.add(new TargetLayout(target, cur, sources, new long[sources.length]));
    }
    String why = cur.symbol() + " written as its base syscall's " + basePlan.why()
        .substring(basePlan.why().indexOf(" written as ") + " written as ".length());
    return new LayoutPlan(LayoutPlan.Route.BASE_SYSCALL, -1, parts, syscallIdParam(cur), why);
  }

  // ------------------------------------------------------------------ rules 5-6

  private LayoutPlan genericOrDrop(int t) {
    EventInfo cur = current.event(t);
    if (cur.hasFlag(EventFlags.OLD_VERSION) && cur.isEnter()) {
      return LayoutPlan.drop(cur.symbol() + " is a retired enter event (its exit carries its"
          + " params) unknown to the older table");
    }
    SyscallInfo sc = (cur.category() & EventCategory.SYSCALL) != 0 ? syscallNamed(cur.name()) : null;
    if (sc == null) {
      return LayoutPlan.drop(cur.symbol() + " has no syscall or event in the older table");
    }
    if (older.syscallName(sc.ppmSc()) == null) {
      return LayoutPlan.drop(cur.symbol() + ": the older table does not know syscall " + sc.name());
    }
    EventInfo genericEnter = older.event(0);
    EventInfo genericExit = older.event(1);
    List<TargetLayout> parts = new ArrayList<>(2);
    parts.add(constantLayout(genericEnter, sc));
    if (!cur.isEnter()) {
      parts.add(constantLayout(genericExit, sc));
    }
    return new LayoutPlan(LayoutPlan.Route.GENERIC, -1, parts, -1,
        cur.symbol() + " written as the generic syscall pair, ID " + sc.ppmSc() + " ("
            + sc.name() + ")");
  }

  /** A generic syscall event: ID = the ppm_sc code, nativeID = the x86_64 number. */
  private static TargetLayout constantLayout(EventInfo generic, SyscallInfo sc) {
    int n = generic.paramCount();
    int[] sources = new int[n];
    long[] constants = new long[n];
    for (int i = 0; i < n; i++) {
      sources[i] = TargetLayout.CONSTANT;
      constants[i] = generic.param(i).type() == ParamType.SYSCALLID ? sc.ppmSc() : sc.nr();
    }
    return new TargetLayout(generic, null, sources, constants);
  }

  private SyscallInfo syscallNamed(String name) {
    for (SyscallInfo s : current.syscalls()) {
      if (s.name().equals(name)) {
        return s;
      }
    }
    return null;
  }

  // ------------------------------------------------------------------ helpers

  /** The older enter row paired with older exit {@code x}, or null when that row is another event. */
  private EventInfo olderEnterOf(int x) {
    EventInfo exit = older.event(x);
    EventInfo enter = older.event(x - 1);
    return enter != null && enter.isEnter() && enter.name().equals(exit.name())
        && !isPlaceholder(enter) ? enter : null;
  }

  private static boolean isPlaceholder(EventInfo e) {
    return e.hasFlag(EventFlags.UNUSED) || e.category() == EventCategory.UNKNOWN
        || e.name().startsWith("NA");
  }

  private static int syscallIdParam(EventInfo cur) {
    for (int i = 0; i < cur.paramCount(); i++) {
      if (cur.param(i).type() == ParamType.SYSCALLID) {
        return i;
      }
    }
    return -1;
  }
}
