package dev.falco4j.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CgroupContainerParserTest {

  private static final String ID =
      "3ad7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e";
  private static final String ID2 =
      "e5a5b8d0c1b2a3f4e5d6c7b8a9f0e1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a7f8";

  private final CgroupContainerParser parser = new CgroupContainerParser();

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      // Docker, cgroupfs driver (v1 and v2)
      "/docker/" + ID + "|docker",
      "/docker/" + ID + "/|docker",
      // Docker, systemd driver
      "/system.slice/docker-" + ID + ".scope|docker",
      // Docker inside Kubernetes (dockershim), both drivers
      "/kubepods/burstable/pod5e5f8b5c-1a2b-4c3d-9e8f-0a1b2c3d4e5f/docker/" + ID + "|docker",
      "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod5e5f8b5c_1a2b.slice/docker-"
          + ID + ".scope|docker",
      // containerd CRI, systemd driver
      "/kubepods.slice/kubepods-besteffort.slice/kubepods-besteffort-podabc_def.slice/cri-containerd-"
          + ID + ".scope|containerd",
      "/system.slice/containerd.service/kubepods-burstable-pod1.slice:cri-containerd:" + ID
          + "|containerd",
      // Kubernetes, cgroupfs driver: runtime not named in the path
      "/kubepods/besteffort/pod1c2b3a4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d/" + ID + "|cri",
      "/kubepods/pod1c2b3a4d-5e6f-7a8b-9c0d-1e2f3a4b5c6d/" + ID + "|cri",
      // CRI-O
      "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod123.slice/crio-" + ID
          + ".scope|cri-o",
      "/machine.slice/crio-" + ID + ".scope|cri-o",
      "/crio/" + ID + "|cri-o",
      // Podman / libpod
      "/machine.slice/libpod-" + ID + ".scope|podman",
      "/machine.slice/libpod-" + ID + ".scope/container|podman",
      "/user.slice/user-1000.slice/user@1000.service/user.slice/libpod-" + ID + ".scope|podman",
      "/libpod_parent/libpod-" + ID + "|podman",
      "/libpod_parent/" + ID + "|podman",
      // AWS ECS (Docker underneath)
      "/ecs/0123456789abcdef0123456789abcdef/" + ID + "|docker",
      // Docker in Docker: the innermost container wins
      "/docker/" + ID2 + "/docker/" + ID + "|docker",
  })
  void findsOciContainers(String path, String type) {
    ContainerRef ref = parser.parsePath(path);
    assertThat(ref).as(path).isNotNull();
    assertThat(ref.type().label()).isEqualTo(type);
    assertThat(ref.id()).isEqualTo(ID.substring(0, 12));
    assertThat(ref.fullId()).isEqualTo(ID);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(delimiter = '|', value = {
      "/lxc/web01|lxc|web01",
      "/lxc.payload/web01|lxc|web01",
      "/lxc.payload.web01|lxc|web01",
      "/lxc.payload.web01/init.scope|lxc|web01",
      "/machine.slice/machine-lxc\\x2dguest\\x2d1.scope|libvirt-lxc|guest-1",
      "/machine.slice/machine-debian\\x2dbox.scope|systemd-nspawn|debian-box",
      "/machine.slice/machine-debian\\x2dbox.scope/payload|systemd-nspawn|debian-box",
      "/machine.slice/machine-\\x.scope/bad\\x|systemd-nspawn|\\x",
      "/mesos/2c1e3a4b-5d6e-7f80-9a1b-2c3d4e5f6a7b|mesos|2c1e3a4b-5d6e-7f80-9a1b-2c3d4e5f6a7b",
  })
  void findsNamedContainers(String path, String type, String id) {
    ContainerRef ref = parser.parsePath(path);
    assertThat(ref).as(path).isNotNull();
    assertThat(ref.type().label()).isEqualTo(type);
    assertThat(ref.id()).isEqualTo(id);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {
      "/",
      "",
      "/user.slice/user-1000.slice/session-3.scope",
      "/system.slice/sshd.service",
      "/system.slice/docker.service",
      "/system.slice/containerd.service",
      "/init.scope",
      "/machine.slice/machine-qemu\\x2d1\\x2dwin10.scope",
      "/machine.slice/libpod-conmon-" + ID + ".scope",
      "/kubepods.slice/kubepods-burstable.slice/crio-conmon-" + ID + ".scope",
      "/docker/" + "3ad7b26ded6d",           // short ids are not runtime ids
      "/docker/" + "3AD7B26DED6D8E7B23DA7D48FE889434573036C27AE5A74837233DE441C3601E",
      "/docker/zzd7b26ded6d8e7b23da7d48fe889434573036c27ae5a74837233de441c3601e",
      "/system.slice/docker-" + ID + "x.scope",
  })
  void hostPathsAreNotContainers(String path) {
    assertThat(parser.parsePath(path)).as(path).isNull();
  }

  @Test
  void looksAtEveryControllerOfCgroupV1AndTheUnifiedV2Path() {
    String[] v1 = {
        "cpuset=/", "cpu=/user.slice", "memory=/docker/" + ID, "pids=/docker/" + ID};
    assertThat(parser.parse(v1).type()).isEqualTo(ContainerType.DOCKER);
    String[] v2 = {"=/system.slice/docker-" + ID + ".scope"};
    assertThat(parser.parse(v2).id()).isEqualTo(ID.substring(0, 12));
    assertThat(parser.parse(new String[] {"cpu=/", "memory=/user.slice"})).isNull();
    assertThat(parser.parse(new String[0])).isNull();
  }
}
