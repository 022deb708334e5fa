package dev.falco4j.core.state;

/**
 * The container runtime a thread's cgroup path points to, with the word {@code container.type}
 * shows. {@link #HOST} means no container.
 */
public enum ContainerType {
  /** Not in a container. */
  HOST("host"),
  /** Docker (cgroupfs {@code /docker/ID} or systemd {@code docker-ID.scope}). */
  DOCKER("docker"),
  /** A Kubernetes pod container whose runtime the path does not name ({@code /kubepods/.../ID}). */
  CRI("cri"),
  /** containerd through its CRI plugin ({@code cri-containerd-ID.scope}). */
  CONTAINERD("containerd"),
  /** CRI-O ({@code crio-ID.scope}). */
  CRIO("cri-o"),
  /** Podman / libpod ({@code libpod-ID.scope}, {@code /libpod_parent/libpod-ID}). */
  PODMAN("podman"),
  /** LXC ({@code /lxc/NAME}, {@code /lxc.payload.NAME}). */
  LXC("lxc"),
  /** libvirt LXC ({@code machine-lxc\x2dNAME.scope}). */
  LIBVIRT_LXC("libvirt-lxc"),
  /** Other systemd machines, such as systemd-nspawn ({@code machine-NAME.scope}). */
  SYSTEMD_NSPAWN("systemd-nspawn"),
  /** Mesos ({@code /mesos/UUID}). */
  MESOS("mesos");

  private final String label;

  ContainerType(String label) {
    this.label = label;
  }

  /** The {@code container.type} text. */
  public String label() {
    return label;
  }
}
