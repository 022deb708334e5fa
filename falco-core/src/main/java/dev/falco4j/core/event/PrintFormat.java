package dev.falco4j.core.event;

/**
 * How a parameter is displayed ({@code PF_*}). Formats never change the encoding, only rendering.
 * See shared/spec/scap-format.md §10.1.
 */
public enum PrintFormat {
  /** No particular format. */
  NA,
  /** Decimal. */
  DEC,
  /** Upper-case hexadecimal without prefix. */
  HEX,
  /** Decimal zero-padded to 9 digits. */
  PADDED_DEC,
  /** An identifier. */
  ID,
  /** A direction. */
  DIR,
  /** Octal with a leading 0. */
  OCT
}
