package dev.falco4j.core.state;

/**
 * A container found in a cgroup path: the runtime and the id as Falco reports it (the first 12 hex
 * digits of a 64-digit runtime id; the machine name for LXC and systemd machines).
 *
 * @param type the runtime
 * @param id the reported container id
 * @param fullId the id as it appears in the path (64 hex digits for OCI runtimes)
 */
public record ContainerRef(ContainerType type, String id, String fullId) {
  /** Validates the parts. */
  public ContainerRef {
    if (type == null || id == null || fullId == null || id.isEmpty()) {
      throw new IllegalArgumentException("container type and id are required");
    }
  }
}
