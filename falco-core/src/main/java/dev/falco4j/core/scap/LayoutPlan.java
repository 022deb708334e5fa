package dev.falco4j.core.scap;

import java.util.List;

/**
 * How the events of one current event type are written for an older reader (sysdig 0.29.3): as
 * they are, as one or two events of the older table (an enter event the older reader needs, then
 * the event itself), or not at all. Derived once per type by {@link Sysdig029Layouts}.
 */
final class LayoutPlan {

  /** Which rule produced the plan (reported per type in {@link DownConversionReport}). */
  enum Route {
    /** The older table has the same type; events it fully describes are copied as they are. */
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
  private final TargetLayout[] parts;
  private final int syscallIdParam;
  private final String why;

  /**
   * @param route the rule behind the plan
   * @param asIsMaxParams events carrying at most this many parameters are already in the older
   *     layout and are copied as they are; -1 when never
   * @param parts what is written otherwise, in order (empty for {@link Route#DROP})
   * @param syscallIdParam index of a {@code PT_SYSCALLID} parameter whose code must exist in the
   *     older table (else the event is dropped), -1 when none
   * @param why one line saying why, for reports and test failures
   */
  LayoutPlan(Route route, int asIsMaxParams, List<TargetLayout> parts, int syscallIdParam,
      String why) {
    this.route = route;
    this.asIsMaxParams = asIsMaxParams;
    this.parts = parts.toArray(new TargetLayout[0]);
    this.syscallIdParam = syscallIdParam;
    this.why = why;
  }

  static LayoutPlan drop(String why) {
    return new LayoutPlan(Route.DROP, -1, List.of(), -1, why);
  }

  Route route() {
    return route;
  }

  /** True when an event with {@code nparams} parameters is copied as it is. */
  boolean copiesAsIs(int nparams) {
    return nparams <= asIsMaxParams;
  }

  int asIsMaxParams() {
    return asIsMaxParams;
  }

  /** Number of events written per source event when not copied as is (0 when dropped). */
  int partCount() {
    return parts.length;
  }

  TargetLayout part(int index) {
    return parts[index];
  }

  /** The last part: the source event itself in the older layout; null when dropped. */
  TargetLayout main() {
    return parts.length == 0 ? null : parts[parts.length - 1];
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
