/**
 * The {@code .scap} trace format: {@link dev.falco4j.core.scap.ScapFileSource} (reader, an
 * {@link dev.falco4j.core.event.spi.EventSource}), {@link dev.falco4j.core.scap.ScapWriter}
 * (writer readable by sysdig 0.29 and current libscap) and {@link
 * dev.falco4j.core.scap.ScapFormatException} for malformed input. Format: shared/spec/scap-format.md.
 */
package dev.falco4j.core.scap;
