package dev.falco4j.core.engine;

import dev.falco4j.dsl.compile.FieldType;
import dev.falco4j.dsl.compile.FieldValue;
import java.nio.charset.StandardCharsets;

/**
 * Display text of a field value by type, for extractors that do not render themselves (fields of
 * plugins or test catalogs): decimal numbers (unsigned where the type is), {@code true}/{@code
 * false}, dotted or colon-separated addresses, UTF-8 text.
 */
final class ValueText {
  private ValueText() {}

  static void append(FieldType type, FieldValue v, StringBuilder out) {
    switch (type.family()) {
      case SIGNED -> out.append(v.longValue());
      case UNSIGNED, EVENT_TYPE -> out.append(Long.toUnsignedString(v.longValue()));
      case BOOL -> out.append(v.longValue() != 0);
      case IP -> appendAddress(v, out);
      default -> out.append(new String(v.bytes(), v.offset(), v.length(), StandardCharsets.UTF_8));
    }
  }

  private static void appendAddress(FieldValue v, StringBuilder out) {
    byte[] b = v.bytes();
    int o = v.offset();
    if (v.length() == 4) {
      for (int i = 0; i < 4; i++) {
        if (i > 0) {
          out.append('.');
        }
        out.append(b[o + i] & 0xff);
      }
    } else {
      for (int i = 0; i < v.length(); i += 2) {
        if (i > 0) {
          out.append(':');
        }
        out.append(Integer.toHexString(((b[o + i] & 0xff) << 8) | (b[o + i + 1] & 0xff)));
      }
    }
  }
}
