package dev.falco4j.core.state;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits the NUL-separated string lists that traces and {@code /proc} use for argv, environment and
 * cgroups. A missing final NUL is tolerated; an empty trailing item after the last NUL is not an
 * item.
 */
public final class NulList {

  private static final String[] EMPTY = new String[0];

  private NulList() {}

  /**
   * The items of a whole array without trailing empty ones (environments are padded with NULs;
   * libsinsp keeps empty entries between variables but not after the last one).
   */
  public static String[] splitTrimTrailing(byte[] data) {
    if (data == null) {
      return EMPTY;
    }
    return trimTrailing(split(data, 0, data.length));
  }

  /** {@code items} without its trailing empty strings. */
  public static String[] trimTrailing(String[] items) {
    int n = items.length;
    while (n > 0 && items[n - 1].isEmpty()) {
      n--;
    }
    if (n == items.length) {
      return items;
    }
    String[] out = new String[n];
    System.arraycopy(items, 0, out, 0, n);
    return out;
  }

  /** The items of {@code data[offset, offset+length)}. */
  public static String[] split(byte[] data, int offset, int length) {
    if (length <= 0) {
      return EMPTY;
    }
    List<String> items = new ArrayList<>();
    int end = offset + length;
    int start = offset;
    for (int i = offset; i < end; i++) {
      if (data[i] == 0) {
        items.add(new String(data, start, i - start, StandardCharsets.UTF_8));
        start = i + 1;
      }
    }
    if (start < end) {
      items.add(new String(data, start, end - start, StandardCharsets.UTF_8));
    }
    return items.toArray(EMPTY);
  }
}
