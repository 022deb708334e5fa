package dev.falco4j.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeArtifactsTest {

  @AfterEach
  void clearOverrides() {
    System.clearProperty(NativeArtifacts.OBJECT_PROPERTY);
    System.clearProperty(NativeArtifacts.LIBRARY_PROPERTY);
  }

  @Test
  void aMissingOverrideIsNamed() {
    System.setProperty(NativeArtifacts.OBJECT_PROPERTY, "/nonexistent/probe.o");
    assertThat(NativeArtifacts.unavailableReason())
        .isEqualTo("-Dfalco4j.probe.object=/nonexistent/probe.o is not a readable file");
    assertThatThrownBy(NativeArtifacts::obtain).isInstanceOf(IOException.class)
        .hasMessageContaining("falco4j.probe.object");
  }

  @Test
  void overridesAreUsedAsTheyAreAndNeverDeleted(@TempDir Path dir) throws Exception {
    Path obj = Files.writeString(dir.resolve("p.o"), "o");
    Path lib = Files.writeString(dir.resolve("s.so"), "s");
    System.setProperty(NativeArtifacts.OBJECT_PROPERTY, obj.toString());
    System.setProperty(NativeArtifacts.LIBRARY_PROPERTY, lib.toString());
    assertThat(NativeArtifacts.unavailableReason()).isNull();
    try (NativeArtifacts a = NativeArtifacts.obtain()) {
      assertThat(a.probeObject()).isEqualTo(obj);
      assertThat(a.shimLibrary()).isEqualTo(lib);
      assertThat(a.extractedTo()).isNull();
    }
    assertThat(obj).exists();
    assertThat(lib).exists();
  }

  @Test
  void packagedFilesAreExtractedPrivatelyAndDeletedOnClose() throws Exception {
    // Present when the native build ran (this machine has clang); otherwise the reason says why.
    String reason = NativeArtifacts.unavailableReason();
    if (reason != null) {
      assertThat(reason).contains("eBPF probe");
      return;
    }
    Path dir;
    try (NativeArtifacts a = NativeArtifacts.obtain()) {
      dir = a.extractedTo();
      assertThat(Files.getPosixFilePermissions(dir))
          .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
      assertThat(Files.size(a.probeObject())).isPositive();
      assertThat(Files.size(a.shimLibrary())).isPositive();
    }
    assertThat(dir).doesNotExist();
  }
}
