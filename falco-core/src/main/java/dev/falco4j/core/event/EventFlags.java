package dev.falco4j.core.event;

/**
 * Event-type flags ({@code EF_*} of the event table) as bits of {@link EventInfo#flags()}. The bit
 * positions are Falco4J's own (the table names the flags; the file format never stores them).
 */
public final class EventFlags {
  /** The event creates a file descriptor. */
  public static final int CREATES_FD = 1;
  /** The event destroys a file descriptor. */
  public static final int DESTROYS_FD = 1 << 1;
  /** The event uses a file descriptor. */
  public static final int USES_FD = 1 << 2;
  /** The event reads from a file descriptor. */
  public static final int READS_FROM_FD = 1 << 3;
  /** The event writes to a file descriptor. */
  public static final int WRITES_TO_FD = 1 << 4;
  /** The event modifies the state tracked for threads and fds. */
  public static final int MODIFIES_STATE = 1 << 5;
  /** Placeholder id: readers drop such events. */
  public static final int UNUSED = 1 << 6;
  /** The event waits (e.g. poll, nanosleep). */
  public static final int WAITS = 1 << 7;
  /** Do not reset the parser state after this event. */
  public static final int SKIPPARSERESET = 1 << 8;
  /** A superseded layout of an event, still readable. */
  public static final int OLD_VERSION = 1 << 9;
  /** The parameter length array holds 32-bit entries instead of 16-bit ones. */
  public static final int LARGE_PAYLOAD = 1 << 10;
  /** Current libscap upgrades this event through its converter. */
  public static final int CONVERTER_MANAGED = 1 << 11;
  /** Dropped first under load by "simple consumers" (older tables only). */
  public static final int DROP_SIMPLE_CONS = 1 << 12;

  private static final String[] NAMES = {
    "EF_CREATES_FD", "EF_DESTROYS_FD", "EF_USES_FD", "EF_READS_FROM_FD", "EF_WRITES_TO_FD",
    "EF_MODIFIES_STATE", "EF_UNUSED", "EF_WAITS", "EF_SKIPPARSERESET", "EF_OLD_VERSION",
    "EF_LARGE_PAYLOAD", "EF_CONVERTER_MANAGED", "EF_DROP_SIMPLE_CONS"
  };

  private EventFlags() {}

  /** The bit of an {@code EF_*} name, or 0 for an unknown name. */
  public static int bitOf(String name) {
    for (int i = 0; i < NAMES.length; i++) {
      if (NAMES[i].equals(name)) {
        return 1 << i;
      }
    }
    return 0;
  }

  /** The {@code EF_*} names of a flag word, comma separated (empty for none). */
  public static String names(int flags) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < NAMES.length; i++) {
      if ((flags & (1 << i)) != 0) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(NAMES[i]);
      }
    }
    return sb.toString();
  }
}
