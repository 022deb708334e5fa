/**
 * The event-source SPI: {@link dev.falco4j.core.event.spi.EventSource} (trace files, the live
 * probe, plugins), its {@link dev.falco4j.core.event.spi.EventSourceProvider} factory for {@link
 * java.util.ServiceLoader}, and the initial system state a source reports.
 */
package dev.falco4j.core.event.spi;
