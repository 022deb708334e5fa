package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.falco4j.core.testing.Prerequisites;
import dev.falco4j.probe.internal.NativeArtifacts;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a caller sees when the probe cannot be loaded: errno, libbpf's explanation, nothing leaked. */
@Tag("live")
class ProbeLoadErrorsLiveIT {

  @AfterEach
  void clearOverride() {
    System.clearProperty(NativeArtifacts.OBJECT_PROPERTY);
  }

  @Test
  void aCorruptProbeObjectFailsWithErrnoAndLibbpfMessage(@TempDir Path dir) throws Exception {
    Prerequisites.requireRoot();
    ProbeSupport.Status status = ProbeSupport.check();
    Prerequisites.require(status.supported(), "live capture: " + status.reason());
    Path bogus = Files.write(dir.resolve("bogus.bpf.o"), new byte[] {0x7f, 'E', 'L', 'F', 1, 2, 3});
    System.setProperty(NativeArtifacts.OBJECT_PROPERTY, bogus.toString());
    assertThatThrownBy(() -> LiveEventSource.open(LiveOptions.defaults()))
        .isInstanceOfSatisfying(ProbeException.class, e -> {
          assertThat(e.getMessage()).startsWith("loading the eBPF probe " + bogus + " failed: ");
          assertThat(e.errno()).isPositive();
          assertThat(e.nativeLog()).isNotEmpty();
          assertThat(e.isVerifierRejection()).isFalse();
        });
    // the failed attempt left no programs behind: a normal open still works
    System.clearProperty(NativeArtifacts.OBJECT_PROPERTY);
    try (LiveEventSource s = LiveEventSource.open(LiveOptions.defaults())) {
      assertThat(s.counters().cpus()).isPositive();
    }
  }

  @Test
  void unavailableLiveCaptureIsAProbeExceptionWithTheReason() {
    System.setProperty(NativeArtifacts.OBJECT_PROPERTY, "/nonexistent/probe.o");
    assertThatThrownBy(() -> LiveEventSource.open(LiveOptions.defaults()))
        .isInstanceOf(ProbeException.class)
        .hasMessageStartingWith("live capture is unavailable: ")
        .hasMessageContaining("-Dfalco4j.probe.object=/nonexistent/probe.o is not a readable file");
  }
}
