/**
 * Plugin interface for field classes: a jar on the classpath registers a
 * {@link dev.falco4j.core.field.spi.FieldExtractorProvider} and its fields become usable in
 * conditions and output formats like the built-in ones.
 */
package dev.falco4j.core.field.spi;
