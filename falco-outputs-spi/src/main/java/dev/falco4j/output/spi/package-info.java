/**
 * The service-provider interface for output sinks: implement {@link
 * dev.falco4j.output.spi.OutputSinkProvider} and register it in {@code META-INF/services}. This
 * package depends only on the JDK and on the alert model of {@code dev.falco4j.output}.
 */
package dev.falco4j.output.spi;
