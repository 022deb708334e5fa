package dev.falco4j.core.scap;

import dev.falco4j.core.event.EventCategory;
import dev.falco4j.core.event.EventFlags;
import dev.falco4j.core.event.EventInfo;
import dev.falco4j.core.event.EventTable;
import dev.falco4j.core.event.ParamType;
import dev.falco4j.core.event.SyscallInfo;
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
 *       its parameters are a prefix of today's (same widths): the event is copied as it is. The
 *       older reader ignores the parameters appended since; today's readers (Falco4J replaying
 *       the trace, current libscap) keep them all, so rules see the same values as live.
 *   <li><b>Older layout (converter backwards).</b> Current libscap upgrades every older layout to
 *       today's with the converter table: an older exit event, with the older enter event's
 *       parameters pulled in ({@code ENTER:i}), climbs rule by rule to a current type (e.g. {@code
 *       close} exit (res) + enter (fd) becomes {@code close} exit (res, fd); {@code dup} 124/125
 *       becomes {@code dup} 367). Running those rules symbolically over every exit type of the
 *       older table tells, for each current exit type, which older exit (and enter) parameter
 *       each current parameter came from; reading that backwards gives the older events to write.
 *       The older enter event is written in front (drivers of that time sent every syscall as
 *       an enter/exit pair and sysdig 0.29's state engine relies on it: the exit's fd, the
 *       arguments the older exit lacks, the name a failed open tried), unless the trace has it
 *       right before. When the older exit has the current type id, the event itself is
 *       kept as it is (rule 1) behind that enter event; otherwise it is written in the older
 *       layout. Among several older versions the one with the same type id wins, else the newest
 *       one (not {@code EF_OLD_VERSION} in the older table). Parameters the rules do not place
 *       are matched by name (e.g. {@code connect} enter's {@code fd}/{@code addr}), else written
 *       as the converter's default.
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
      if (b == null || prefer(c, b, delivered.type)) {
        best[delivered.type] = c;
      }
    }
    return best;
  }

  /**
   * The older exit with the current type's own id wins (the same event); else the newest older
   * version: not EF_OLD_VERSION in the older table, then the higher id.
   */
  private boolean prefer(Candidate a, Candidate b, int currentType) {
    if ((a.olderExit == currentType) != (b.olderExit == currentType)) {
      return a.olderExit == currentType;
    }
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
    int prefix = sameTypePrefix(cur);
    int syscallId = syscallIdParam(cur);
    Candidate c = cur.isEnter() ? null : fromConverter[t];
    if (c != null) {
      return converterPlan(cur, c, prefix, syscallId);
    }
    if (prefix >= 0) {
      return sameType(cur, syscallId);
    }
    return null;
  }

  /**
   * Copied as it is: the older table has the type with the same parameter widths as far as it
   * goes, and ignores the parameters appended since (today's readers need them).
   */
  private LayoutPlan sameType(EventInfo cur, int syscallId) {
    return new LayoutPlan(LayoutPlan.Route.SAME_TYPE, Integer.MAX_VALUE, null, null, true,
        syscallId, cur.symbol() + " is known to the older table ("
            + older.event(cur.id()).paramCount() + " of " + cur.paramCount() + " params)");
  }

  /**
   * How many params an event of this type may carry and still be in the older row's layout: the
   * older row's count when the older table has this id with the same name, direction, length width
   * and parameter widths (names and flag sets may differ), else -1.
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

  private LayoutPlan converterPlan(EventInfo cur, Candidate c, int prefix, int syscallId) {
    EventInfo oldExit = older.event(c.olderExit);
    EventInfo oldEnter = olderEnterOf(c.olderExit);
    // Drivers of sysdig 0.29's time sent every syscall as an enter/exit pair, and its state
    // engine relies on the enter event: the exit's fd, the arguments the older exit lacks, the
    // name a failed open tried. So the older enter event goes in front of every exit (the writer
    // leaves it out when the trace already has it right before).
    TargetLayout enter = oldEnter != null ? layoutFrom(oldEnter, cur, c.origins, ENTER) : null;
    if (c.olderExit == cur.id() && prefix >= 0) {
      if (enter == null) {
        return sameType(cur, syscallId);
      }
      // The older reader knows this exit and ignores today's extra params. An event with no more
      // params than the older row, of a type whose params grew since, is in the older layout: it
      // comes from an old trace, with its own enter event or none.
      int olderLayout = prefix < cur.paramCount() ? prefix : -1;
      return new LayoutPlan(LayoutPlan.Route.CONVERTER, olderLayout, enter, null, true,
          isForkLike(cur), syscallId, cur.symbol() + " kept, written behind " + oldEnter.symbol());
    }
    TargetLayout main = layoutFrom(oldExit, cur, c.origins, 0);
    return new LayoutPlan(LayoutPlan.Route.CONVERTER, prefix, enter, main, false, isForkLike(cur),
        syscallId,
        cur.symbol() + " written as " + (enter != null ? oldEnter.symbol() + " + " : "")
            + oldExit.symbol());
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
    if (basePlan == null || basePlan.drops() || basePlan.route() == LayoutPlan.Route.GENERIC) {
      return null;
    }
    TargetLayout enter = basePlan.enter() == null ? null : remap(basePlan.enter(), base, cur);
    TargetLayout main;
    if (basePlan.olderEvent() != null) {
      main = remap(basePlan.olderEvent(), base, cur);
    } else {
      // the base event is kept as it is: its older row, filled by parameter name
      EventInfo row = older.event(base.id());
      int[] sources = new int[row.paramCount()];
      for (int i = 0; i < sources.length; i++) {
        sources[i] = byName(cur, row.param(i).name(), row.param(i).type());
      }
      main = new TargetLayout(row, cur, sources, new long[sources.length]);
    }
    return new LayoutPlan(LayoutPlan.Route.BASE_SYSCALL, -1, enter, main, false,
        syscallIdParam(cur), cur.symbol() + " written as its base syscall's "
            + (enter != null ? enter.target().symbol() + " + " : "") + main.target().symbol());
  }

  /** A base event's layout filled from the numbered variant's params of the same names. */
  private static TargetLayout remap(TargetLayout b, EventInfo base, EventInfo cur) {
    EventInfo target = b.target();
    int[] sources = new int[target.paramCount()];
    for (int i = 0; i < sources.length; i++) {
      int s = b.source(i);
      sources[i] = s < 0 ? TargetLayout.DEFAULT
          : byName(cur, base.param(s).name(), target.param(i).type());
    }
    return new TargetLayout(target, cur, sources, new long[sources.length]);
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
    TargetLayout genericEnter = constantLayout(older.event(0), sc);
    String why = cur.symbol() + " written as the generic syscall " + (cur.isEnter() ? "enter event"
        : "pair") + ", ID " + sc.ppmSc() + " (" + sc.name() + ")";
    if (cur.isEnter()) {
      return new LayoutPlan(LayoutPlan.Route.GENERIC, -1, null, genericEnter, false, -1, why);
    }
    return new LayoutPlan(LayoutPlan.Route.GENERIC, -1, genericEnter,
        constantLayout(older.event(1), sc), false, -1, why);
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

  /** clone, fork, vfork, clone3 exits: res is a pid and the params describe the new task. */
  private static boolean isForkLike(EventInfo e) {
    return !e.isEnter() && e.paramCount() > 0 && e.param(0).type() == ParamType.PID
        && e.paramIndex("ptid") >= 0;
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
