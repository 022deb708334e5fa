package dev.falco4j.core.event;

/**
 * A named set of flag symbols (one set of flags-table.tsv, e.g. {@code file_flags}), in table order
 * (the order matters for rendering). Immutable.
 */
public final class FlagSet {

  private final String name;
  private final String[] symbols;
  private final long[] values;

  FlagSet(String name, String[] symbols, long[] values) {
    this.name = name;
    this.symbols = symbols;
    this.values = values;
  }

  /** The set's name ({@code file_flags}). */
  public String name() {
    return name;
  }

  /** Number of entries. */
  public int size() {
    return symbols.length;
  }

  /** Symbol of entry {@code i}. */
  public String symbol(int i) {
    return symbols[i];
  }

  /** Value of entry {@code i}. */
  public long value(int i) {
    return values[i];
  }

  /** The symbol whose value equals {@code value} exactly (enumerations), or null. */
  public String nameOf(long value) {
    for (int i = 0; i < values.length; i++) {
      if (values[i] == value) {
        return symbols[i];
      }
    }
    return null;
  }

  /**
   * Appends the symbols of a bit set joined by {@code |}, the way libsinsp renders flags: entries
   * are scanned in table order; an entry equal to the remaining... initial value ends the list, a
   * 0-valued entry is listed only for the value 0, other entries when all their bits are present
   * (their bits are then consumed). Returns false (appending nothing) when no symbol applies.
   */
  public boolean appendBitwise(long value, StringBuilder out) {
    int start = out.length();
    long initial = value;
    long rest = value;
    for (int i = 0; i < values.length; i++) {
      long v = values[i];
      if (v == initial) {
        if (out.length() > start) {
          out.append('|');
        }
        out.append(symbols[i]);
        return true;
      }
      if ((v == 0 && initial == 0) || (v != 0 && (rest & v) == v && rest != 0)) {
        if (out.length() > start) {
          out.append('|');
        }
        out.append(symbols[i]);
        rest &= ~v;
      }
    }
    return out.length() > start;
  }

  /** {@link #appendBitwise} into a new string (not for the per-event path). */
  public String bitwiseNames(long value) {
    StringBuilder sb = new StringBuilder();
    appendBitwise(value, sb);
    return sb.toString();
  }

  @Override
  public String toString() {
    return name + "(" + symbols.length + " entries)";
  }
}
