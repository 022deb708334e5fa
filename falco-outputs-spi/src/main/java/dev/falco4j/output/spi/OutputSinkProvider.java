package dev.falco4j.output.spi;

import dev.falco4j.output.OutputSink;
import dev.falco4j.output.SinkConfig;

/**
 * A factory of output sinks, found with {@link java.util.ServiceLoader}: list the implementing class
 * in {@code META-INF/services/dev.falco4j.output.spi.OutputSinkProvider} of your jar and put the jar
 * on the classpath. Implementations need a public no-argument constructor and must be cheap to
 * construct (every provider is instantiated at startup, used or not).
 *
 * <p>The sink named {@code foo} is configured by the {@code foo_output} section of falco.yaml and
 * enabled by {@code foo_output.enabled: true}.
 */
public interface OutputSinkProvider {

  /** The SPI version this build of Falco4J implements. */
  String API_VERSION = "1.0";

  /** The sink name, lower case, unique among providers ("file", "http", "kafka"). */
  String name();

  /**
   * The SPI version this provider was written against, as {@code major.minor}. Providers whose major
   * version differs from {@link #API_VERSION}'s are skipped with a warning.
   */
  String apiVersion();

  /**
   * Creates a sink from its configuration, validating it (no I/O yet: the dispatcher opens the sink
   * on its worker).
   *
   * @throws dev.falco4j.output.SinkConfigException naming the offending key
   */
  OutputSink create(SinkConfig config);
}
