package dev.falco4j.core.field;

/** Whether and how a field takes an argument in brackets ({@code proc.aname[2]}). */
public enum ArgMode {
  /** No argument allowed. */
  NONE,
  /** An optional numeric index ({@code proc.aname}, {@code proc.aname[2]}). */
  OPTIONAL_INDEX,
  /** A required numeric index. */
  REQUIRED_INDEX,
  /** A required key ({@code proc.env[HOME]}, {@code evt.arg.name} / {@code evt.arg[0]}). */
  REQUIRED_KEY,
  /** An optional key ({@code proc.env} alone gives the whole environment). */
  OPTIONAL_KEY
}
