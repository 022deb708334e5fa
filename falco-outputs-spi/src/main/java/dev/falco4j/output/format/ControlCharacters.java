package dev.falco4j.output.format;

/**
 * Makes text from event data safe to write as one line: an attacker who names a file {@code
 * "x\n12:00:00.0: Critical fake alert"} must not be able to forge a second alert line in a text log.
 * Line breaks and other control characters become visible escapes ({@code \n}, {@code \r}, {@code
 * \x1b}, {@code \u2028}); tabs and every printable character are kept as they are.
 */
public final class ControlCharacters {
  private ControlCharacters() {}

  /** The text with control characters escaped; the same instance when there are none. */
  public static String neutralize(String text) {
    int n = text.length();
    int i = 0;
    while (i < n && !needsEscape(text.charAt(i))) {
      i++;
    }
    if (i == n) {
      return text;
    }
    StringBuilder out = new StringBuilder(n + 16);
    out.append(text, 0, i);
    for (; i < n; i++) {
      char c = text.charAt(i);
      if (!needsEscape(c)) {
        out.append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c < 0x100) {
        out.append("\\x").append(hex(c >> 4)).append(hex(c));
      } else {
        out.append("\\u").append(hex(c >> 12)).append(hex(c >> 8)).append(hex(c >> 4)).append(hex(c));
      }
    }
    return out.toString();
  }

  /** C0 controls except tab, DEL, C1 controls, and the Unicode line and paragraph separators. */
  static boolean needsEscape(char c) {
    return (c < 0x20 && c != '\t') || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029';
  }

  private static char hex(int nibble) {
    return "0123456789abcdef".charAt(nibble & 0xf);
  }
}
