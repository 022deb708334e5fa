package dev.falco4j.output;

import java.util.Objects;

/**
 * Whether a sink can currently deliver, with a reason a user can act on when it cannot.
 *
 * @param healthy the last open or delivery worked
 * @param detail what is wrong ("connection refused: http://...") or "ok"
 */
public record SinkHealth(boolean healthy, String detail) {

  /** The healthy state. */
  public static final SinkHealth OK = new SinkHealth(true, "ok");

  /** Requires a detail. */
  public SinkHealth {
    Objects.requireNonNull(detail, "detail");
  }

  /** An unhealthy state with the reason. */
  public static SinkHealth failing(String detail) {
    return new SinkHealth(false, detail);
  }
}
