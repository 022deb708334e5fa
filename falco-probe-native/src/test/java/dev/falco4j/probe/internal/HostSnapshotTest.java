package dev.falco4j.probe.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.spi.GroupSnapshot;
import dev.falco4j.core.event.spi.InitialState;
import dev.falco4j.core.event.spi.UserSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostSnapshotTest {

  @Test
  void readsMachineUsersAndGroupsAndSkipsMalformedEntries(@TempDir Path root) throws Exception {
    Files.createDirectories(root.resolve("proc/sys/kernel"));
    Files.createDirectories(root.resolve("etc"));
    Files.writeString(root.resolve("proc/meminfo"), "MemTotal:       2048 kB\nMemFree: 1 kB\n");
    Files.writeString(root.resolve("proc/sys/kernel/pid_max"), "4194304\n");
    Files.writeString(root.resolve("proc/sys/kernel/hostname"), "box\n");
    Files.writeString(root.resolve("proc/stat"), "cpu 1 2 3\nbtime 1700000000\n");
    Files.writeString(root.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/bash\n+nis::::::\nbroken:x:notanumber:0::/:/bin/sh\nalice:x:1000:100::/home/alice:/bin/zsh\n");
    Files.writeString(root.resolve("etc/group"), "root:x:0:\nusers:x:100:alice\nbad:x:y:\n");

    InitialState s = HostSnapshot.read(root, 4);

    assertThat(s.machine().cpus()).isEqualTo(4);
    assertThat(s.machine().memoryBytes()).isEqualTo(2048L * 1024);
    assertThat(s.machine().maxPid()).isEqualTo(4194304L);
    assertThat(s.machine().hostname()).isEqualTo("box");
    assertThat(s.machine().bootTime()).isEqualTo(1_700_000_000L * 1_000_000_000L);
    assertThat(s.users()).containsExactly(
        new UserSnapshot(0, 0, "root", "/root", "/bin/bash"),
        new UserSnapshot(1000, 100, "alice", "/home/alice", "/bin/zsh"));
    assertThat(s.groups()).containsExactly(new GroupSnapshot(0, "root"), new GroupSnapshot(100, "users"));
    assertThat(s.threads()).isEmpty();
  }

  @Test
  void missingFilesGiveAnEmptySnapshot(@TempDir Path root) throws Exception {
    InitialState s = HostSnapshot.read(root, 1);
    assertThat(s.users()).isEmpty();
    assertThat(s.groups()).isEmpty();
    assertThat(s.machine().hostname()).isEmpty();
    assertThat(s.machine().bootTime()).isZero();
  }
}
