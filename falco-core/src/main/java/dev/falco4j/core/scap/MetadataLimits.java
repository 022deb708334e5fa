package dev.falco4j.core.scap;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Cuts the strings of metadata blocks to the longest libscap reads, and counts the cuts. A reader
 * that meets a longer string refuses the whole file before its first event (sysdig 0.29.3:
 * "invalid argslen 5033" for a process whose command line is 5 KB long). Some libscap versions
 * test {@code len >= limit}, others {@code len > limit}: the values here are one below libscap's
 * constants, which every version accepts. libscap's own /proc scan reads no more than that.
 */
final class MetadataLimits {
  /** comm, exe, exepath, cwd, root, fd and interface names ({@code SCAP_MAX_PATH_SIZE} 1024). */
  static final int PATH = 1023;
  /** args, env, cgroups ({@code SCAP_MAX_ARGS_SIZE}, {@code _ENV_}, {@code _CGROUPS_} 4096). */
  static final int LIST = 4095;
  /** user and group names, home, shell ({@code MAX_CREDENTIALS_STR_LEN} 256). */
  static final int CREDENTIAL = 255;

  private long cuts;

  /** Strings cut so far. */
  long cuts() {
    return cuts;
  }

  /** {@code s} in UTF-8, cut to at most {@code max} bytes without splitting a character. */
  byte[] text(String s, int max) {
    byte[] b = s == null ? new byte[0] : s.getBytes(StandardCharsets.UTF_8);
    if (b.length <= max) {
      return b;
    }
    cuts++;
    return Arrays.copyOf(b, characterBoundary(b, max));
  }

  /**
   * A NUL-separated list (args, env) as libscap holds it in memory: ending with a NUL (readers add
   * one when missing, so a re-written list carries it). When too long, the list ends inside the
   * last item that fits (cut at a character boundary), still with a NUL.
   */
  byte[] nulTerminatedList(byte[] items, int max) {
    boolean terminated = items.length == 0 || items[items.length - 1] == 0;
    int length = terminated ? items.length : items.length + 1;
    if (length <= max) {
      return length == items.length ? items : Arrays.copyOf(items, length);
    }
    cuts++;
    byte[] out = Arrays.copyOf(items, characterBoundary(items, max - 1) + 1);
    out[out.length - 1] = 0;
    return out;
  }

  /**
   * A NUL-separated list whose items make sense only whole (cgroups: {@code subsys=path}): the
   * items that fit entirely, each with its NUL, as they came.
   */
  byte[] wholeItems(byte[] items, int max) {
    if (items.length <= max) {
      return items;
    }
    cuts++;
    int end = 0; // just past the last NUL within the limit
    for (int i = 0; i < max; i++) {
      if (items[i] == 0) {
        end = i + 1;
      }
    }
    return Arrays.copyOf(items, end);
  }

  /** The largest length {@code <= max} that does not end inside a UTF-8 sequence of {@code b}. */
  private static int characterBoundary(byte[] b, int max) {
    int end = max;
    while (end > 0 && end < b.length && (b[end] & 0xC0) == 0x80) {
      end--; // b[end] continues a character begun before it: cut before that character
    }
    return end;
  }
}
