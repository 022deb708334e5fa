package dev.falco4j.core.scap;

/**
 * Options of {@link ScapFileSource}.
 *
 * @param strict when true a malformed event ends the read with a {@link ScapFormatException};
 *     when false (default) it is skipped and counted, and reading goes on
 * @param maxBlockBytes largest block accepted (a longer declared length is an error rather than an
 *     allocation); default 256 MiB
 * @param bufferBytes initial size of the read window; default 1 MiB
 */
public record ScapReadOptions(boolean strict, int maxBlockBytes, int bufferBytes) {

  /** Checks the sizes. */
  public ScapReadOptions {
    if (maxBlockBytes < 64 || bufferBytes < 64) {
      throw new IllegalArgumentException("block and buffer sizes must be at least 64 bytes");
    }
  }

  /** Lenient, 256 MiB block limit, 1 MiB window. */
  public static ScapReadOptions defaults() {
    return new ScapReadOptions(false, 256 << 20, 1 << 20);
  }

  /** The same options with {@code strict} set. */
  public ScapReadOptions withStrict(boolean value) {
    return new ScapReadOptions(value, maxBlockBytes, bufferBytes);
  }
}
