package dev.falco4j.core.config;

/**
 * A configuration that cannot be used: unreadable or invalid YAML (with file, line and column), a
 * malformed {@code -o key=value}, or a key with a value of the wrong type. The message is complete
 * and meant for the user.
 */
public final class ConfigException extends Exception {
  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and where */
  public ConfigException(String message) {
    super(message);
  }

  /** @param message what is wrong and where @param cause the underlying problem */
  public ConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
