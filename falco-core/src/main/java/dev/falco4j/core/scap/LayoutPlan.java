package dev.falco4j.core.scap;

/**
 * How the events of one current event type are written for an older reader (sysdig 0.29.3):
 * as they are; as they are behind an enter event the older reader needs; as an event of the older
 * table (with that enter event in front when needed); or not at all. Derived once per type by
 * {@link Sysdig029Layouts}.
 */
final class LayoutPlan {

  /** Which rule produced the plan (reported per type in {@link DownConversionReport}). */
  enum Route {
    /** The older table has the same type and parameter widths: copied as it is. */
    SAME_TYPE("same type"),
    /** The converter table read backwards: the older layout current libscap upgrades from. */
    CONVERTER("older layout"),
    /** A numbered variant ({@code pipe2}, {@code dup3}) written as its base syscall's event. */
    BASE_SYSCALL("base syscall event"),
    /** A syscall the older table has no event for, written as the generic {@code syscall} pair. */
    GENERIC("generic syscall"),
    /** Not written: the older reader has nothing meaningful for it. */
    DROP("dropped");

    private final String label;

    Route(String label) {
      this.label = label;
    }

    /** Short description for reports. */
    String label() {
      return label;
    }
  }

  private final Route route;
  private final int asIsMaxParams;
  private final TargetLayout enter;
  private final TargetLayout olderEvent;
  private final boolean keepsEvent;
  private final boolean unchangedLayout;
  private final boolean forkLike;
  private final int syscallIdParam;
  private final String why;

  /**
   * @param route the rule behind the plan
   * @param asIsMaxParams events carrying at most this many parameters are copied as they are, with
   *     nothing in front (they are already in a layout the older reader knows); -1 when never
   * @param enter the older enter event written in front (unless the thread's previous event in the
   *     trace already is that enter event), or null
   * @param olderEvent the event itself in an older layout, or null when it is kept as it is or
   *     dropped
   * @param keepsEvent true when the event itself is written as it is after {@code enter}: its
   *     type id is the older reader's, which ignores the parameters appended since
   * @param syscallIdParam index of a {@code PT_SYSCALLID} parameter whose code must exist in the
   *     older table (else the event is dropped), -1 when none
   * @param why one line saying why, for reports and test failures
   */
  LayoutPlan(Route route, int asIsMaxParams, TargetLayout enter, TargetLayout olderEvent,
      boolean keepsEvent, int syscallIdParam, String why) {
    this(route, asIsMaxParams, enter, olderEvent, keepsEvent, false, syscallIdParam, why);
  }

  /**
   * @param forkLike true for clone/fork/vfork/clone3 exits (res is a pid, params include ptid):
   *     the new task returns from the call (res 0) without having entered it, so no enter event
   *     goes in front of that side
   */
  LayoutPlan(Route route, int asIsMaxParams, TargetLayout enter, TargetLayout olderEvent,
      boolean keepsEvent, boolean forkLike, int syscallIdParam, String why) {
    if (keepsEvent && olderEvent != null) {
      throw new IllegalArgumentException("an event is either kept or rewritten: " + why);
    }
    this.route = route;
    this.asIsMaxParams = asIsMaxParams;
    this.enter = enter;
    this.olderEvent = olderEvent;
    this.keepsEvent = keepsEvent;
    this.unchangedLayout = keepsEvent && enter != null && asIsMaxParams < 0;
    this.forkLike = forkLike;
    this.syscallIdParam = syscallIdParam;
    this.why = why;
  }

  static LayoutPlan drop(String why) {
    return new LayoutPlan(Route.DROP, -1, null, null, false, -1, why);
  }

  Route route() {
    return route;
  }

  /** True when an event with {@code nparams} parameters is copied as it is, nothing in front. */
  boolean copiesAsIs(int nparams) {
    return nparams <= asIsMaxParams;
  }

  int asIsMaxParams() {
    return asIsMaxParams;
  }

  /** The enter event written in front of the event, or null. */
  TargetLayout enter() {
    return enter;
  }

  /** The event itself in the older layout; null when it is kept as it is or dropped. */
  TargetLayout olderEvent() {
    return olderEvent;
  }

  /** True when the event itself is written as it is (after {@link #enter()}). */
  boolean keepsEvent() {
    return keepsEvent;
  }

  /**
   * True when the event is kept and its layout is the same today as in the older table: such an
   * exit, alone, does not tell whether it comes from today's exit-only stream or from an old trace
   * whose enter event is missing because the syscall began before the capture.
   */
  boolean unchangedLayout() {
    return unchangedLayout;
  }

  /** True for fork-like exits, whose child side (res 0) gets no enter event. */
  boolean forkLike() {
    return forkLike;
  }

  /** True when nothing is written. */
  boolean drops() {
    return !keepsEvent && olderEvent == null;
  }

  /** Event blocks written per source event when not copied as is. */
  int blocks() {
    return drops() ? 0 : (enter != null ? 2 : 1);
  }

  int syscallIdParam() {
    return syscallIdParam;
  }

  String why() {
    return why;
  }

  @Override
  public String toString() {
    return route.label() + ": " + why;
  }
}
