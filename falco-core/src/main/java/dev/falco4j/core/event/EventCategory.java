package dev.falco4j.core.event;

/**
 * Event categories ({@code EC_*}): one topic (low byte: file, net, process...) plus kind bits
 * (syscall, tracepoint, plugin, metaevent, iterator). Falco4J values with the driver's layout (topic
 * in the low bits, kind as separate bits); files never store them.
 */
public final class EventCategory {
  /** Placeholder rows. */
  public static final int UNKNOWN = 0;
  /** No particular topic. */
  public static final int OTHER = 1;
  /** Files. */
  public static final int FILE = 2;
  /** Network. */
  public static final int NET = 3;
  /** Inter-process communication. */
  public static final int IPC = 4;
  /** Memory. */
  public static final int MEMORY = 5;
  /** Processes. */
  public static final int PROCESS = 6;
  /** Sleeping. */
  public static final int SLEEP = 7;
  /** System. */
  public static final int SYSTEM = 8;
  /** Signals. */
  public static final int SIGNAL = 9;
  /** Users. */
  public static final int USER = 10;
  /** Time. */
  public static final int TIME = 11;
  /** Reads. */
  public static final int IO_READ = 32;
  /** Writes. */
  public static final int IO_WRITE = 33;
  /** Other I/O. */
  public static final int IO_OTHER = 34;
  /** Waiting. */
  public static final int WAIT = 64;
  /** Scheduler. */
  public static final int SCHEDULER = 128;
  /** Internal events, hidden by sysdig without -D. */
  public static final int INTERNAL = 256;
  /** Kind: system call. */
  public static final int SYSCALL = 1024;
  /** Kind: tracepoint. */
  public static final int TRACEPOINT = 2048;
  /** Kind: plugin. */
  public static final int PLUGIN = 4096;
  /** Kind: meta event. */
  public static final int METAEVENT = 8192;
  /** Kind: kernel iterator. */
  public static final int ITER = 16384;

  /** Mask of the kind bits. */
  public static final int KIND_MASK = SYSCALL | TRACEPOINT | PLUGIN | METAEVENT | ITER;

  private static final String[] NAMES = {
    "EC_UNKNOWN", "EC_OTHER", "EC_FILE", "EC_NET", "EC_IPC", "EC_MEMORY", "EC_PROCESS",
    "EC_SLEEP", "EC_SYSTEM", "EC_SIGNAL", "EC_USER", "EC_TIME", "EC_IO_READ", "EC_IO_WRITE",
    "EC_IO_OTHER", "EC_WAIT", "EC_SCHEDULER", "EC_INTERNAL", "EC_SYSCALL", "EC_TRACEPOINT",
    "EC_PLUGIN", "EC_METAEVENT", "EC_ITER"
  };
  private static final int[] VALUES = {
    UNKNOWN, OTHER, FILE, NET, IPC, MEMORY, PROCESS, SLEEP, SYSTEM, SIGNAL, USER, TIME, IO_READ,
    IO_WRITE, IO_OTHER, WAIT, SCHEDULER, INTERNAL, SYSCALL, TRACEPOINT, PLUGIN, METAEVENT, ITER
  };

  private EventCategory() {}

  /** The value of an {@code EC_*} name; throws for an unknown name (tables are generated). */
  public static int valueOf(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return VALUES[i];
      }
    }
    throw new IllegalArgumentException("unknown event category " + name);
  }

  /** The topic part of a category word (without the kind bits). */
  public static int topic(int category) {
    return category & ~KIND_MASK;
  }

  /**
   * The name sysdig's {@code evt.category} shows for a category word: the lower-case topic
   * ({@code file}, {@code net}, {@code io_read}...), {@code unknown} for none.
   */
  public static String topicName(int category) {
    int topic = topic(category);
    for (int i = 0; i < VALUES.length; i++) {
      if (VALUES[i] == topic) {
        return NAMES[i].substring(3).toLowerCase(java.util.Locale.ROOT);
      }
    }
    return "unknown";
  }
}
