package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A piece of rules text (a condition, an output, a list item) together with where each of its
 * characters was written, so that a problem found at offset {@code i} of the text (for example by
 * the condition parser) is reported at the right line and column of the right file, even after YAML
 * folded a block scalar, after {@code append} glued text from another file on, or after exceptions
 * were folded into the condition.
 */
public final class PositionedText {
  private final String text;
  private final List<Segment> segments;

  /** A run of text characters [start, end) whose positions come from one source. */
  private record Segment(
      int start, int end, SourceText source, int[] offsets, int fallback, SourceSpan fixed) {
    SourceSpan spanAt(int textOffset, int length) {
      return fixed != null ? fixed : source.span(fileOffset(textOffset), length);
    }

    int fileOffset(int textOffset) {
      if (offsets != null) {
        int i = textOffset - start;
        if (i >= 0 && i < offsets.length && offsets[i] >= 0) {
          return offsets[i];
        }
        if (i >= offsets.length && offsets.length > 0) {
          // "end of condition": just after its last character
          return offsets[offsets.length - 1] + 1;
        }
      }
      return fallback;
    }
  }

  private PositionedText(String text, List<Segment> segments) {
    this.text = text;
    this.segments = List.copyOf(segments);
  }

  /** Text given by a program, positioned as if it were a file called {@code name}. */
  public static PositionedText of(String text, String name) {
    SourceText source = new SourceText(name, text);
    int[] offsets = new int[text.length()];
    for (int i = 0; i < offsets.length; i++) {
      offsets[i] = i;
    }
    return new PositionedText(
        text, List.of(new Segment(0, text.length(), source, offsets, 0, null)));
  }

  /** Text that was generated, not written: every character is reported at {@code at}. */
  static PositionedText generated(String text, SourceSpan at) {
    return new PositionedText(text, List.of(new Segment(0, text.length(), null, null, 0, at)));
  }

  /**
   * The value of a YAML scalar, mapped back to the file. YAML folding and unquoting change only
   * whitespace and quote characters, so the non-blank characters of the value are matched in order
   * against the non-blank characters of the scalar's region of the file; blanks take the position of
   * the character before them.
   */
  static PositionedText fromScalar(YamlNode.Scalar scalar) {
    String value = scalar.text();
    String file = scalar.source().text();
    int start = scalar.start();
    int end = Math.min(Math.max(scalar.end(), start), file.length());
    int pos = start;
    if (pos < end) {
      char first = file.charAt(pos);
      if (first == '|' || first == '>') {
        int nl = file.indexOf('\n', pos);
        pos = nl < 0 || nl >= end ? end : nl + 1; // block content starts on the next line
      } else if (first == '"' || first == '\'') {
        pos++;
      }
    }
    int[] offsets = new int[value.length()];
    int last = start;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isWhitespace(c)) {
        offsets[i] = -1;
        continue;
      }
      int p = pos;
      while (p < end && Character.isWhitespace(file.charAt(p))) {
        p++;
      }
      if (p < end && file.charAt(p) == c) {
        offsets[i] = p;
        last = p;
        pos = p + 1;
      } else {
        // An escape or quote doubling: look a little ahead for the character.
        int found = -1;
        for (int q = p; q < end && q < p + 8; q++) {
          if (file.charAt(q) == c) {
            found = q;
            break;
          }
        }
        if (found >= 0) {
          offsets[i] = found;
          last = found;
          pos = found + 1;
        } else {
          offsets[i] = last;
        }
      }
    }
    // Blanks point just after the previous character (or at the scalar start).
    int prev = -1;
    for (int i = 0; i < offsets.length; i++) {
      if (offsets[i] < 0) {
        offsets[i] = prev < 0 ? start : Math.min(prev + 1, file.length());
      } else {
        prev = offsets[i];
      }
    }
    return new PositionedText(
        value, List.of(new Segment(0, value.length(), scalar.source(), offsets, start, null)));
  }

  /** This text followed by {@code separator} (positioned like the start of {@code other}) and other. */
  public PositionedText append(String separator, PositionedText other) {
    List<Segment> list = new ArrayList<>(segments);
    int base = text.length();
    if (!separator.isEmpty()) {
      SourceSpan at = other.spanAt(0, 1);
      list.add(new Segment(base, base + separator.length(), null, null, 0, at));
      base += separator.length();
    }
    for (Segment s : other.segments) {
      list.add(new Segment(s.start + base, s.end + base, s.source, s.offsets, s.fallback, s.fixed));
    }
    return new PositionedText(text + separator + other.text, list);
  }

  /** The text. */
  public String text() {
    return text;
  }

  /** Whether the text is empty. */
  public boolean isEmpty() {
    return text.isEmpty();
  }

  /** Where the character at {@code offset} of the text was written, {@code length} long. */
  public SourceSpan spanAt(int offset, int length) {
    if (offset >= text.length() && !text.isEmpty()) {
      // "End of condition" is reported just after the last character that is not blank.
      int k = text.length() - 1;
      while (k > 0 && Character.isWhitespace(text.charAt(k))) {
        k--;
      }
      SourceSpan last = segmentAt(k).spanAt(k, 1);
      return new SourceSpan(last.file(), last.line(), last.column() + 1, last.offset() + 1, length);
    }
    return segmentAt(offset).spanAt(offset, length);
  }

  /** Where the text starts. */
  public SourceSpan span() {
    return spanAt(0, Math.max(1, text.length()));
  }

  /** The source texts this text was taken from. */
  java.util.Set<SourceText> sources() {
    java.util.Set<SourceText> out = new java.util.LinkedHashSet<>();
    for (Segment s : segments) {
      if (s.source != null) {
        out.add(s.source);
      }
    }
    return out;
  }

  private Segment segmentAt(int offset) {
    Segment last = segments.get(0);
    for (Segment s : segments) {
      if (offset >= s.start && offset < s.end) {
        return s;
      }
      if (s.start <= offset) {
        last = s;
      }
    }
    return last;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PositionedText p && p.text.equals(text);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text);
  }

  /** The text. */
  @Override
  public String toString() {
    return text;
  }
}
