/**
 * An example output sink plugin ({@code tcp_json}: Falco JSON lines over TCP), built into its own
 * jar with its own {@code META-INF/services} registration and discovered by class path alone.
 */
package dev.falco4j.examples.customsink;
