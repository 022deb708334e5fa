package dev.falco4j.core.field.spi;

import dev.falco4j.core.field.FieldFamily;

/**
 * Adds a class of fields to the catalog from a plugin jar, found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.falco4j.core.field.spi.FieldExtractorProvider}). A provider is a
 * factory with a no-argument constructor; the catalog calls {@link #create()} once at startup. A
 * broken provider is skipped with a message; a family whose name is already taken is an error
 * naming both.
 */
public interface FieldExtractorProvider {

  /** The API version this interface has; providers return the one they were built against. */
  int API_VERSION = 1;

  /** The provider's name, for messages. */
  String name();

  /** The {@link #API_VERSION} the provider targets. */
  int apiVersion();

  /** Creates the field family (its names must not clash with built-in fields). */
  FieldFamily create();
}
