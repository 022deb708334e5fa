package dev.falco4j.dsl.ast;

/** How a string literal was written; kept so that printing reproduces the source style. */
public enum Quoting {
    /** An unquoted bare word ({@code /etc/shadow}, {@code 127.0.0.1}, {@code -1}). */
    BARE,
    /** Double quotes. */
    DOUBLE,
    /** Single quotes. */
    SINGLE
}
