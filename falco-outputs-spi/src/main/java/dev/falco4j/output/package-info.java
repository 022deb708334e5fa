/**
 * Alerts and where they go: the immutable alert record, the output-sink SPI discovered with
 * {@link java.util.ServiceLoader}, the dispatcher that keeps slow sinks away from detection, and the
 * built-in channels (stdout, stderr, file, syslog, program, http).
 */
package dev.falco4j.output;
