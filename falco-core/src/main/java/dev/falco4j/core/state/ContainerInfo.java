package dev.falco4j.core.state;

/**
 * What is known about one container: always its id and runtime (from cgroup paths); name, image and
 * the rest only when a trace's container event or a runtime source supplied them, else empty, as
 * Falco shows them. Mutable: a later container event fills in what a cgroup path could not tell.
 */
public final class ContainerInfo {

  final String id;
  ContainerType type;
  String name = "";
  String image = "";
  String imageId = "";
  String imageRepository = "";
  String imageTag = "";
  String imageDigest = "";
  boolean privileged;
  long startTs;
  String[] labels = new String[0];
  boolean described;

  ContainerInfo(String id, ContainerType type) {
    this.id = id;
    this.type = type;
  }

  /** The reported container id. */
  public String id() {
    return id;
  }

  /** The runtime. */
  public ContainerType type() {
    return type;
  }

  /** The container name, empty when no source described the container. */
  public String name() {
    return name;
  }

  /** The image as the runtime names it (repository:tag), empty when not known. */
  public String image() {
    return image;
  }

  /** The image id, empty when not known. */
  public String imageId() {
    return imageId;
  }

  /** The image repository, empty when not known. */
  public String imageRepository() {
    return imageRepository;
  }

  /** The image tag, empty when not known. */
  public String imageTag() {
    return imageTag;
  }

  /** The image digest, empty when not known. */
  public String imageDigest() {
    return imageDigest;
  }

  /** True when the container runs privileged (known only from a description). */
  public boolean privileged() {
    return privileged;
  }

  /** Container start time in ns since the epoch, 0 when not known. */
  public long startTs() {
    return startTs;
  }

  /** Labels as {@code key=value} strings; do not modify. */
  public String[] labels() {
    return labels;
  }

  /** The value of a label, or null. */
  public String label(String key) {
    for (String l : labels) {
      if (l.length() > key.length() && l.charAt(key.length()) == '=' && l.startsWith(key)) {
        return l.substring(key.length() + 1);
      }
    }
    return null;
  }

  /** True when a runtime source or trace event described the container (name, image ...). */
  public boolean isDescribed() {
    return described;
  }

  /**
   * Fills in the description of the container: the parts a container event or runtime tells.
   * Image repository, tag and digest are split from the image reference when not given.
   */
  public void describe(String name, String image, String imageId, boolean privileged,
      String[] labels) {
    this.name = name == null ? "" : name;
    this.image = image == null ? "" : image;
    this.imageId = imageId == null ? "" : imageId;
    this.privileged = privileged;
    this.labels = labels == null ? new String[0] : labels.clone();
    this.described = true;
  }

}
