package dev.falco4j.core.rules;

/** Invalid YAML, with the position the YAML parser stopped at (character offset into the source). */
final class YamlSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int offset;

  YamlSyntaxException(String message, int offset) {
    super(message);
    this.offset = offset;
  }

  int offset() {
    return offset;
  }
}
