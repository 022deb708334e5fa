package dev.falco4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.config.ConfigException;
import dev.falco4j.core.config.ConfigLoader;
import dev.falco4j.core.config.FalcoConfig;
import org.junit.jupiter.api.Test;

class ProbeBufferPresetTest {

  @Test
  void theDefaultConfigurationGivesFalcosDefaultOf8MiBPerCpu() throws ConfigException {
    FalcoConfig defaults = ConfigLoader.create().defaults();
    assertThat(ProbeBufferPreset.ringBytesPerCpu(defaults)).isEqualTo(8 << 20);
    assertThat(ProbeBufferPreset.ringBytesPerCpu(FalcoConfig.empty())).isEqualTo(8 << 20);
  }

  @Test
  void presetsDoubleFrom1MiBTo512MiB() throws ConfigException {
    FalcoConfig c = FalcoConfig.empty();
    assertThat(ProbeBufferPreset.ringBytesPerCpu(c.with(ProbeBufferPreset.KEY, 1))).isEqualTo(1 << 20);
    assertThat(ProbeBufferPreset.ringBytesPerCpu(c.with(ProbeBufferPreset.KEY, 5))).isEqualTo(16 << 20);
    assertThat(ProbeBufferPreset.ringBytesPerCpu(c.with(ProbeBufferPreset.KEY, "10")))
        .isEqualTo(512 << 20);
  }

  @Test
  void aPresetOutsideFalcosRangeIsAConfigurationErrorNamingTheKey() throws ConfigException {
    FalcoConfig c = FalcoConfig.empty();
    for (Object bad : new Object[] {0, 11, -1}) {
      assertThatThrownBy(() -> ProbeBufferPreset.ringBytesPerCpu(c.with(ProbeBufferPreset.KEY, bad)))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining("engine.modern_ebpf.buf_size_preset")
          .hasMessageContaining("got " + bad);
    }
    assertThatThrownBy(() -> ProbeBufferPreset.ringBytesPerCpu(c.with(ProbeBufferPreset.KEY, "big")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("engine.modern_ebpf.buf_size_preset");
  }
}
