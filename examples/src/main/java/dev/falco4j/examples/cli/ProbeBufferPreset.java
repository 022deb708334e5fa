package dev.falco4j.examples.cli;

import dev.falco4j.core.config.ConfigException;
import dev.falco4j.core.config.FalcoConfig;

/**
 * Falco's {@code engine.modern_ebpf.buf_size_preset}: the size of the probe's ring buffer per CPU,
 * as one of Falco's presets, so that a Falco configuration tunes Falco4J the same way. Preset
 * {@code n} (1 to 10) is 2^(n-1) MiB: 1 MiB to 512 MiB; 4 (8 MiB) is the default. A bigger buffer
 * rides out longer stalls of the reader before the kernel drops events; it costs that much
 * locked memory per CPU.
 */
final class ProbeBufferPreset {

  static final String KEY = "engine.modern_ebpf.buf_size_preset";
  static final int DEFAULT_PRESET = 4;
  private static final int MAX_PRESET = 10;

  private ProbeBufferPreset() {}

  /** The ring buffer bytes per CPU the configuration asks for. */
  static int ringBytesPerCpu(FalcoConfig config) throws ConfigException {
    long preset = config.integer(KEY, DEFAULT_PRESET);
    if (preset < 1 || preset > MAX_PRESET) {
      throw new ConfigException("configuration key '" + KEY + "' must be 1 (1 MiB) to "
          + MAX_PRESET + " (512 MiB) per CPU, got " + preset);
    }
    return 1 << (19 + (int) preset);
  }
}
