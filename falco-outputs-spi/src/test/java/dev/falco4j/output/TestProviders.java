package dev.falco4j.output;

import dev.falco4j.output.spi.OutputSinkProvider;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Providers for discovery tests, listed in generated services files. */
final class TestProviders {
  private TestProviders() {}

  /** A sink keeping what it gets in memory. */
  static final class MemorySink implements OutputSink {
    final String name;
    final List<Alert> got = new CopyOnWriteArrayList<>();
    final SinkConfig config;

    MemorySink(String name, SinkConfig config) {
      this.name = name;
      this.config = config;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public void open() {}

    @Override
    public void deliver(Alert alert) {
      got.add(alert);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}
  }

  /** A working provider named "memory". */
  public static final class Memory implements OutputSinkProvider {
    @Override
    public String name() {
      return "memory";
    }

    @Override
    public String apiVersion() {
      return "1.0";
    }

    @Override
    public OutputSink create(SinkConfig config) {
      config.section().requireString("label");
      return new MemorySink(name(), config);
    }
  }

  /** Another class also named "memory". */
  public static final class OtherMemory implements OutputSinkProvider {
    @Override
    public String name() {
      return "memory";
    }

    @Override
    public String apiVersion() {
      return "1.2";
    }

    @Override
    public OutputSink create(SinkConfig config) {
      return new MemorySink("memory", config);
    }
  }

  /** Its constructor fails, as a plugin with a missing dependency would. */
  public static final class Broken implements OutputSinkProvider {
    public Broken() {
      throw new IllegalStateException("missing native library");
    }

    @Override
    public String name() {
      return "broken";
    }

    @Override
    public String apiVersion() {
      return "1.0";
    }

    @Override
    public OutputSink create(SinkConfig config) {
      throw new AssertionError();
    }
  }

  /** Written for a future major version of the SPI. */
  public static final class FutureApi implements OutputSinkProvider {
    @Override
    public String name() {
      return "future";
    }

    @Override
    public String apiVersion() {
      return "2.0";
    }

    @Override
    public OutputSink create(SinkConfig config) {
      throw new AssertionError();
    }
  }
}
