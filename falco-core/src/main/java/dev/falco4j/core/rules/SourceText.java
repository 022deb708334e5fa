package dev.falco4j.core.rules;

import dev.falco4j.dsl.SourceSpan;
import java.util.Arrays;
import java.util.Objects;

/**
 * The full text of one rules source (a file or a string given programmatically) with a line index,
 * so any character offset can be turned into a 1-based line and column and the line printed under
 * an error message.
 */
public final class SourceText {
  private final String name;
  private final String text;
  private final int[] lineStarts;

  /**
   * @param name the file path or a label such as {@code <string>}, used in messages
   * @param text the whole content
   */
  public SourceText(String name, String text) {
    this.name = Objects.requireNonNull(name, "name");
    this.text = Objects.requireNonNull(text, "text");
    int[] starts = new int[16];
    int count = 0;
    starts[count++] = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    this.lineStarts = Arrays.copyOf(starts, count);
  }

  /** The file path or label. */
  public String name() {
    return name;
  }

  /** The whole content. */
  public String text() {
    return text;
  }

  /** 1-based line of a character offset (offsets past the end map to the last line). */
  public int lineOf(int offset) {
    int i = Arrays.binarySearch(lineStarts, Math.max(0, offset));
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column of a character offset. */
  public int columnOf(int offset) {
    int line = lineOf(offset);
    return Math.max(0, offset) - lineStarts[line - 1] + 1;
  }

  /** The text of a 1-based line, without its line terminator; empty when out of range. */
  public String line(int line) {
    if (line < 1 || line > lineStarts.length) {
      return "";
    }
    int start = lineStarts[line - 1];
    int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (end > start && text.charAt(end - 1) == '\r') {
      end--;
    }
    return text.substring(start, Math.max(start, end));
  }

  /** A span of {@code length} characters starting at {@code offset}. */
  public SourceSpan span(int offset, int length) {
    int clamped = Math.max(0, Math.min(offset, text.length()));
    return new SourceSpan(name, lineOf(clamped), columnOf(clamped), clamped, Math.max(0, length));
  }

  @Override
  public String toString() {
    return name;
  }
}
