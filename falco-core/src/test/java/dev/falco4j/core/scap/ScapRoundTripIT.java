package dev.falco4j.core.scap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Read, write (sections, metadata and events, as {@code TraceCopy} does), and let sysdig 0.29.3 read both: its output for the copy must equal its output for
 * the original, byte for byte (default line format, and with {@code -D} which also shows internal
 * events).
 */
class ScapRoundTripIT {

  @TempDir Path tmp;

  static java.util.stream.Stream<Path> traces() throws Exception {
    return SysdigDifferentialIT.traces();
  }

  @ParameterizedTest
  @MethodSource("traces")
  void sysdigPrintsTheSameForTheCopy(Path trace) throws Exception {
    Path copy = tmp.resolve("copy.scap.gz");
    TraceCopy.copy(trace, copy, true, ScapCompatibility.SYSDIG_0_29);
    String original = Sysdig.run(List.of("-r", trace.toString()));
    String rewritten = Sysdig.run(List.of("-r", copy.toString()));
    assertThat(rewritten).isEqualTo(original);
    String fmt = "*%evt.num %evt.rawtime %evt.cpu %proc.name %thread.tid %evt.dir %evt.type %evt.args %fd.name %user.name";
    String debugOriginal = Sysdig.run(List.of("-D", "-r", trace.toString(), "-p", fmt));
    assertThat(debugOriginal).isNotEmpty();
    assertThat(Sysdig.run(List.of("-D", "-r", copy.toString(), "-p", fmt))).isEqualTo(debugOriginal);
  }
}
