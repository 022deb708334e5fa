package dev.falco4j.core.event.spi;

import java.io.IOException;
import java.util.Map;

/**
 * Factory of {@link EventSource}s, discovered with {@link java.util.ServiceLoader} (register in
 * {@code META-INF/services/dev.falco4j.core.event.spi.EventSourceProvider}). Needs a public no-arg
 * constructor.
 */
public interface EventSourceProvider {

  /** The SPI version this provider implements. */
  int API_VERSION = 1;

  /** Unique name ({@code scap} for trace files, {@code live} for the probe). */
  String name();

  /** The SPI version the provider was built against; must equal {@link #API_VERSION}. */
  default int apiVersion() {
    return API_VERSION;
  }

  /** True when this provider can open {@code location} (a file path for {@code scap}). */
  boolean accepts(String location);

  /**
   * Opens a source.
   *
   * @param location what to read (file path, or provider-specific)
   * @param options provider-specific options, never null
   */
  EventSource open(String location, Map<String, String> options) throws IOException;
}
