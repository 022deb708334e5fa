package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.STRING;

import dev.falco4j.core.state.ContainerInfo;
import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code k8s.*}: the Kubernetes pod and namespace of the container, read from the labels the
 * kubelet puts on pod containers ({@code io.kubernetes.pod.name}, {@code io.kubernetes.pod.namespace},
 * {@code io.kubernetes.pod.uid}), as Falco does without an API-server connection.
 */
public final class K8sFields extends FieldFamily {

  static final int POD_NAME = 0, POD_ID = 1, POD_UID = 2, NS_NAME = 3, POD_LABEL = 4,
      POD_LABELS = 5, POD_IP = 6, POD_CNI_JSON = 7, POD_SANDBOX_ID = 8, POD_FULL_SANDBOX_ID = 9;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("k8s.pod.name", STRING, ArgMode.NONE, "name of the pod the container belongs to.", POD_NAME),
      new FieldDef("k8s.pod.id", STRING, ArgMode.NONE, "uid of the pod (same as k8s.pod.uid).", POD_ID),
      new FieldDef("k8s.pod.uid", STRING, ArgMode.NONE, "uid of the pod.", POD_UID),
      new FieldDef("k8s.ns.name", STRING, ArgMode.NONE, "namespace of the pod.", NS_NAME),
      new FieldDef("k8s.pod.label", STRING, ArgMode.REQUIRED_KEY, "one label of the pod: k8s.pod.label[app] or k8s.pod.label.app.", POD_LABEL),
      new FieldDef("k8s.pod.labels", STRING, ArgMode.NONE, "all pod labels as key:value pairs, comma separated.", POD_LABELS),
      new FieldDef("k8s.pod.ip", STRING, ArgMode.NONE, "IP address of the pod (needs a runtime source).", POD_IP),
      new FieldDef("k8s.pod.cni.json", STRING, ArgMode.NONE, "CNI result of the pod as JSON (needs a runtime source).", POD_CNI_JSON),
      new FieldDef("k8s.pod.sandbox_id", STRING, ArgMode.NONE, "id of the pod's sandbox container, 12 characters.", POD_SANDBOX_ID),
      new FieldDef("k8s.pod.full_sandbox_id", STRING, ArgMode.NONE, "full id of the pod's sandbox container.", POD_FULL_SANDBOX_ID));

  /** Creates the family. */
  public K8sFields() {}

  @Override
  public String name() {
    return "k8s";
  }

  @Override
  public String description() {
    return "Kubernetes pod and namespace of the container, from its labels.";
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

    @Override
    public boolean extract(EvalContext ctx, FieldValue out) {
      ThreadInfo t = ctx.thread();
      if (t == null || t.containerId().isEmpty()) {
        return false;
      }
      ContainerInfo c = ctx.state().containerOf(t);
      if (c == null) {
        return false;
      }
      String v;
      switch (id) {
        case POD_NAME: v = c.label("io.kubernetes.pod.name"); break;
        case POD_ID: case POD_UID: v = c.label("io.kubernetes.pod.uid"); break;
        case NS_NAME: v = c.label("io.kubernetes.pod.namespace"); break;
        case POD_LABEL: v = c.label(key); break;
        case POD_SANDBOX_ID: {
          String s = c.label("io.kubernetes.sandbox.id");
          v = s == null ? null : s.substring(0, Math.min(12, s.length()));
          break;
        }
        case POD_FULL_SANDBOX_ID: v = c.label("io.kubernetes.sandbox.id"); break;
        default: v = null; break;
      }
      if (v == null) {
        return false;
      }
      text.set(v, out);
      return true;
    }
  }
}
