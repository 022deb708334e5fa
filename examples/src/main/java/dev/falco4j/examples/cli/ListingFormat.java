package dev.falco4j.examples.cli;

import java.util.Locale;

/** Output format of the listing modes ({@code --format text|markdown|json}). */
enum ListingFormat {
  TEXT,
  MARKDOWN,
  JSON;

  static ListingFormat parse(String text) throws FalcoRunner.UsageException {
    return switch (text == null ? "text" : text.toLowerCase(Locale.ROOT)) {
      case "text" -> TEXT;
      case "markdown", "md" -> MARKDOWN;
      case "json" -> JSON;
      default -> throw new FalcoRunner.UsageException(
          "invalid --format '" + text + "': expected text, markdown or json");
    };
  }
}
