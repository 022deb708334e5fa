package dev.falco4j.core.scap;

import dev.falco4j.core.event.spi.EventSource;
import dev.falco4j.core.event.spi.EventSourceProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The {@code scap} event-source provider: opens {@code .scap} / {@code .scap.gz} trace files.
 * Option {@code strict=true} makes malformed events end the read instead of being skipped.
 */
public final class ScapFileSourceProvider implements EventSourceProvider {

  /** The provider name. */
  public static final String NAME = "scap";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(String location) {
    return location != null && Files.isRegularFile(Path.of(location));
  }

  @Override
  public EventSource open(String location, Map<String, String> options) throws IOException {
    boolean strict = Boolean.parseBoolean(options.getOrDefault("strict", "false"));
    return ScapFileSource.open(Path.of(location), ScapReadOptions.defaults().withStrict(strict));
  }
}
