package dev.falco4j.core.event;

/**
 * Socket family bytes of {@code PT_SOCKADDR}/{@code PT_SOCKTUPLE} parameters ({@code PPM_AF_*});
 * families other than these keep their Linux numbers.
 */
public final class SocketFamily {
  /** Not available (empty parameter). */
  public static final int NONE = -1;
  /** {@code AF_UNIX} / {@code AF_LOCAL}. */
  public static final int UNIX = 1;
  /** {@code AF_INET}. */
  public static final int INET = 2;
  /** {@code AF_INET6}. */
  public static final int INET6 = 10;

  private SocketFamily() {}
}
