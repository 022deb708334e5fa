package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.ABSTIME;
import static dev.falco4j.dsl.compile.FieldType.BOOL;
import static dev.falco4j.dsl.compile.FieldType.RELTIME;
import static dev.falco4j.dsl.compile.FieldType.STRING;

import dev.falco4j.core.state.ContainerInfo;
import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code container.*}: the container the process runs in, found from its cgroups ({@code host}
 * outside containers). Name, image and the rest need a description of the container (a trace's
 * container event or a runtime source); without one they are empty, as Falco shows them.
 */
public final class ContainerFields extends FieldFamily {

  static final int ID = 0, FULL_ID = 1, NAME = 2, IMAGE = 3, IMAGE_ID = 4, TYPE = 5,
      PRIVILEGED = 6, IMAGE_REPOSITORY = 7, IMAGE_TAG = 8, IMAGE_DIGEST = 9, START_TS = 10,
      DURATION = 11, MOUNTS = 12, MOUNT = 13, MOUNT_SOURCE = 14, MOUNT_DEST = 15,
      MOUNT_MODE = 16, MOUNT_RDWR = 17, MOUNT_PROPAGATION = 18, HEALTHCHECK = 19,
      LIVENESS = 20, READINESS = 21, IP = 22, CNI_JSON = 23, HOST_PID = 24, HOST_NETWORK = 25,
      HOST_IPC = 26, LABEL = 27, LABELS = 28;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("container.id", STRING, ArgMode.NONE, "the container id (12 hex digits for OCI runtimes); 'host' outside containers.", ID),
      new FieldDef("container.full_id", STRING, ArgMode.NONE, "the full container id (64 hex digits for OCI runtimes); 'host' outside containers.", FULL_ID),
      new FieldDef("container.name", STRING, ArgMode.NONE, "the container name; 'host' outside containers; empty when the runtime did not describe the container.", NAME),
      new FieldDef("container.image", STRING, ArgMode.NONE, "the image reference the container runs.", IMAGE),
      new FieldDef("container.image.id", STRING, ArgMode.NONE, "the image id.", IMAGE_ID),
      new FieldDef("container.type", STRING, ArgMode.NONE, "the runtime: docker, cri, containerd, cri-o, podman, lxc, libvirt-lxc, systemd-nspawn, mesos; 'host' outside containers.", TYPE),
      new FieldDef("container.privileged", BOOL, ArgMode.NONE, "true for a privileged container.", PRIVILEGED),
      new FieldDef("container.image.repository", STRING, ArgMode.NONE, "the repository part of the image reference.", IMAGE_REPOSITORY),
      new FieldDef("container.image.tag", STRING, ArgMode.NONE, "the tag part of the image reference.", IMAGE_TAG),
      new FieldDef("container.image.digest", STRING, ArgMode.NONE, "the digest part of the image reference.", IMAGE_DIGEST),
      new FieldDef("container.start_ts", ABSTIME, ArgMode.NONE, "when the container started, ns since the epoch.", START_TS),
      new FieldDef("container.duration", RELTIME, ArgMode.NONE, "nanoseconds since the container started.", DURATION),
      new FieldDef("container.mounts", STRING, ArgMode.NONE, "the container's mounts as source:dest:mode:rdwr:propagation, comma separated.", MOUNTS),
      new FieldDef("container.mount", STRING, ArgMode.REQUIRED_KEY, "one mount, by index or destination path, as source:dest:mode:rdwr:propagation.", MOUNT),
      new FieldDef("container.mount.source", STRING, ArgMode.REQUIRED_KEY, "source of a mount, by index or destination path.", MOUNT_SOURCE),
      new FieldDef("container.mount.dest", STRING, ArgMode.REQUIRED_KEY, "destination of a mount, by index or source path.", MOUNT_DEST),
      new FieldDef("container.mount.mode", STRING, ArgMode.REQUIRED_KEY, "mode of a mount, by index or source path.", MOUNT_MODE),
      new FieldDef("container.mount.rdwr", STRING, ArgMode.REQUIRED_KEY, "read/write state of a mount, by index or source path.", MOUNT_RDWR),
      new FieldDef("container.mount.propagation", STRING, ArgMode.REQUIRED_KEY, "propagation of a mount, by index or source path.", MOUNT_PROPAGATION),
      new FieldDef("container.healthcheck", STRING, ArgMode.NONE, "the container's health check command.", HEALTHCHECK),
      new FieldDef("container.liveness_probe", STRING, ArgMode.NONE, "the container's liveness probe command.", LIVENESS),
      new FieldDef("container.readiness_probe", STRING, ArgMode.NONE, "the container's readiness probe command.", READINESS),
      new FieldDef("container.ip", STRING, ArgMode.NONE, "the container's IP address.", IP),
      new FieldDef("container.cni.json", STRING, ArgMode.NONE, "the container's CNI result as JSON.", CNI_JSON),
      new FieldDef("container.host_pid", BOOL, ArgMode.NONE, "true when the container shares the host's pid namespace.", HOST_PID),
      new FieldDef("container.host_network", BOOL, ArgMode.NONE, "true when the container shares the host's network namespace.", HOST_NETWORK),
      new FieldDef("container.host_ipc", BOOL, ArgMode.NONE, "true when the container shares the host's IPC namespace.", HOST_IPC),
      new FieldDef("container.label", STRING, ArgMode.REQUIRED_KEY, "the value of one container label: container.label[com.example.team].", LABEL),
      new FieldDef("container.labels", STRING, ArgMode.NONE, "all container labels as key:value pairs, comma separated.", LABELS));

  /** Creates the family. */
  public ContainerFields() {}

  @Override
  public String name() {
    return "container";
  }

  @Override
  public String description() {
    return "The container the process runs in.";
  }

  @Override
  public List<FieldDef> fields() {
    return DEFS;
  }

  @Override
  protected FieldAccessor accessor(FieldDef def, String key, int index, boolean list) {
    return new Accessor(def, key);
  }

  private static final class Accessor extends FieldAccessor {
    private final int id;
    private final String key;
    private final Utf8Slot text = new Utf8Slot();

    Accessor(FieldDef def, String key) {
      super(def, false);
      this.id = def.id();
      this.key = key;
    }

    private boolean str(String s, FieldValue out) {
      if (s == null) {
        return false;
      }
      text.set(s, out);
      return true;
    }

    @Override
    public boolean extract(EvalContext ctx, FieldValue out) {
      ThreadInfo t = ctx.thread();
      if (t == null) {
        return false;
      }
      boolean host = t.containerId().isEmpty();
      ContainerInfo c = host ? null : ctx.state().containerOf(t);
      switch (id) {
        case ID: return str(host ? "host" : t.containerId(), out);
        case FULL_ID: return str(host ? "host" : c != null ? fullId(c) : t.containerId(), out);
        case NAME: return str(host ? "host" : c == null ? "" : c.name(), out);
        case TYPE: return str(host ? "host" : c == null ? "" : c.type().label(), out);
        case IMAGE: return !host && c != null && str(c.image(), out);
        case IMAGE_ID: return !host && c != null && nonEmpty(c.imageId(), out);
        case IMAGE_REPOSITORY: return !host && c != null && nonEmpty(c.imageRepository(), out);
        case IMAGE_TAG: return !host && c != null && nonEmpty(c.imageTag(), out);
        case IMAGE_DIGEST: return !host && c != null && nonEmpty(c.imageDigest(), out);
        // A described container without mounts shows an empty list and probes "NONE".
        case MOUNTS: return !host && c != null && c.isDescribed() && str("", out);
        case HEALTHCHECK: case LIVENESS: case READINESS:
          return !host && c != null && c.isDescribed() && str("NONE", out);
        case PRIVILEGED:
          if (host || c == null || !c.isDescribed()) {
            return false;
          }
          out.setBoolean(c.privileged());
          return true;
        case START_TS:
          if (host || c == null || c.startTs() == 0) {
            return false;
          }
          out.setLong(c.startTs());
          return true;
        case DURATION:
          if (host || c == null || c.startTs() == 0) {
            return false;
          }
          out.setLong(ctx.event().timestamp() - c.startTs());
          return true;
        case LABEL: return !host && c != null && str(c.label(key), out);
        default:
          // Mounts, probes, IP, CNI and namespace sharing need a runtime source this build does
          // not query: no value, as Falco shows without one.
          return false;
      }
    }

    private boolean nonEmpty(String s, FieldValue out) {
      return s != null && !s.isEmpty() && str(s, out);
    }

    private static String fullId(ContainerInfo c) {
      return c.id();
    }
  }
}
