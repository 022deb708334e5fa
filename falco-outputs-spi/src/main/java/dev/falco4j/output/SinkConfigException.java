package dev.falco4j.output;

/**
 * A sink configuration that cannot work: a missing or mistyped key, an unknown sink, two providers
 * with the same name. The message names the configuration key or the classes involved.
 */
public class SinkConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** With a message naming the key and the problem. */
  public SinkConfigException(String message) {
    super(message);
  }

  /** With a message and the underlying cause. */
  public SinkConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
