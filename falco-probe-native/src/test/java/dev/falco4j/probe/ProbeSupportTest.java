package dev.falco4j.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each missing piece is reported by name; a complete machine is supported. Fixture roots, no root needed. */
class ProbeSupportTest {

  @TempDir Path root;

  @BeforeEach
  void completeMachine() throws Exception {
    Files.createDirectories(root.resolve("sys/kernel/btf"));
    Files.writeString(root.resolve("sys/kernel/btf/vmlinux"), "btf");
    Files.createDirectories(root.resolve("proc/self"));
    status("0", "000001ffffffffff");
    Files.createDirectories(root.resolve("usr/lib/x86_64-linux-gnu"));
    Files.writeString(root.resolve("usr/lib/x86_64-linux-gnu/libbpf.so.1"), "");
    Files.writeString(root.resolve("usr/lib/x86_64-linux-gnu/libelf.so.1"), "");
  }

  private void status(String euid, String capEff) throws Exception {
    Files.writeString(root.resolve("proc/self/status"),
        "Name:\tjava\nUid:\t1000\t" + euid + "\t" + euid + "\t" + euid + "\nCapEff:\t" + capEff + "\n");
  }

  private ProbeSupport.Status check(String kernel, String nativeProblem) {
    return new ProbeSupport(root, "Linux", "amd64", kernel, nativeProblem).evaluate();
  }

  @Test
  void completeMachineIsSupported() {
    ProbeSupport.Status s = check("6.18.44-fc", null);
    assertThat(s.supported()).isTrue();
    assertThat(s.problems()).isEmpty();
    assertThat(s.reason()).isEqualTo("supported");
  }

  @Test
  void missingBtfIsNamed() throws Exception {
    Files.delete(root.resolve("sys/kernel/btf/vmlinux"));
    ProbeSupport.Status s = check("6.1.0", null);
    assertThat(s.supported()).isFalse();
    assertThat(s.reason()).contains("BTF").contains("CONFIG_DEBUG_INFO_BTF");
  }

  @Test
  void unprivilegedUserIsToldWhatToGrant() throws Exception {
    status("1000", "0000000000000000");
    ProbeSupport.Status s = check("6.1.0", null);
    assertThat(s.supported()).isFalse();
    assertThat(s.reason()).contains("run as root or grant CAP_BPF and CAP_PERFMON").contains("uid 1000");
  }

  @Test
  void bpfAndPerfmonCapabilitiesAreEnoughWithoutRoot() throws Exception {
    status("1000", Long.toHexString((1L << 39) | (1L << 38)));
    assertThat(check("6.1.0", null).supported()).isTrue();
  }

  @Test
  void oldKernelIsRejectedWithTheVersionNeeded() {
    ProbeSupport.Status s = check("5.10.0-21-amd64", null);
    assertThat(s.supported()).isFalse();
    assertThat(s.reason()).contains("5.10.0-21-amd64").contains("5.17");
  }

  @Test
  void jarBuiltWithoutClangSaysSo() {
    ProbeSupport.Status s = check("6.1.0", "the jar was built without the eBPF probe: missing clang");
    assertThat(s.supported()).isFalse();
    assertThat(s.reason()).contains("built without the eBPF probe: missing clang");
  }

  @Test
  void missingLibbpfIsNamedWithItsPackage() throws Exception {
    Files.delete(root.resolve("usr/lib/x86_64-linux-gnu/libbpf.so.1"));
    assertThat(check("6.1.0", null).reason()).contains("libbpf.so.1").contains("libbpf1");
  }

  @Test
  void otherPlatformsAreRejectedUpFront() {
    ProbeSupport.Status s = new ProbeSupport(root, "Mac OS X", "aarch64", "23.0", null).evaluate();
    assertThat(s.supported()).isFalse();
    assertThat(s.reason()).contains("Linux on x86_64").contains("Mac OS X");
  }

  @Test
  void unreadableCredentialsAreReported() throws Exception {
    Files.delete(root.resolve("proc/self/status"));
    assertThat(check("6.1.0", null).reason()).contains("cannot read the process credentials");
  }

  @Test
  void kernelVersionParsing() {
    assertThat(ProbeSupport.kernelAtLeast("5.17", 5, 17)).isTrue();
    assertThat(ProbeSupport.kernelAtLeast("5.16.9", 5, 17)).isFalse();
    assertThat(ProbeSupport.kernelAtLeast("6.0-rc1", 5, 17)).isTrue();
    assertThat(ProbeSupport.kernelAtLeast("garbage", 5, 17)).isFalse();
  }

  @Test
  void thisMachineGetsAVerdictWithReasons() {
    ProbeSupport.Status s = ProbeSupport.check();
    assertThat(s.supported() == s.problems().isEmpty()).isTrue();
  }
}
