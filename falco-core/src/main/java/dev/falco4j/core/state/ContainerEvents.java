package dev.falco4j.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.falco4j.core.event.EventView;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Container descriptions carried in traces: the old four-parameter {@code container} event (id,
 * runtime number, name, image) and the JSON one sysdig and Falco write
 * ({@code {"container":{"id":..,"type":..,"name":..,"image":..,"privileged":..,"labels":{..}}}}).
 * Rare events: parsing allocates freely. A malformed description is counted and ignored.
 */
final class ContainerEvents {

  /** libsinsp's container runtime numbers (sinsp_container_type). */
  private static final ContainerType[] BY_NUMBER = {
    ContainerType.DOCKER, ContainerType.LXC, ContainerType.LIBVIRT_LXC, ContainerType.MESOS,
    ContainerType.HOST, ContainerType.HOST, ContainerType.CRI, ContainerType.CONTAINERD,
    ContainerType.CRIO, ContainerType.HOST, ContainerType.HOST, ContainerType.PODMAN
  };

  private final ContainerTable containers;
  private final ObjectMapper json = new ObjectMapper();
  private long malformed;

  ContainerEvents(ContainerTable containers) {
    this.containers = containers;
  }

  long malformedCount() {
    return malformed;
  }

  void onContainer(EventView ev) {
    int jsonIdx = ev.paramIndex("json");
    if (jsonIdx >= 0 && jsonIdx < ev.paramCount()) {
      onJson(ev.paramAsString(jsonIdx));
      return;
    }
    String id = text(ev, "id");
    if (id.isEmpty()) {
      malformed++;
      return;
    }
    int typeIdx = ev.paramIndex("type");
    ContainerType type = runtime(typeIdx >= 0 ? (int) ev.paramAsLong(typeIdx, 0) : 0);
    ContainerInfo c = containers.getOrAdd(id, type);
    c.type = type;
    c.describe(text(ev, "name"), text(ev, "image"), "", false, null);
  }

  private void onJson(String text) {
    try {
      JsonNode root = json.readTree(text);
      JsonNode c = root.path("container");
      String id = c.path("id").asText("");
      if (id.isEmpty()) {
        malformed++;
        return;
      }
      ContainerType type = runtime(c.path("type").asInt(0));
      ContainerInfo info = containers.getOrAdd(id, type);
      info.type = type;
      List<String> labels = new ArrayList<>();
      JsonNode l = c.path("labels");
      if (l.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = l.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          labels.add(e.getKey() + "=" + e.getValue().asText(""));
        }
      }
      info.describe(c.path("name").asText(""), c.path("image").asText(""),
          c.path("imageid").asText(""), c.path("privileged").asBoolean(false),
          labels.toArray(new String[0]));
      String repo = c.path("imagerepo").asText("");
      if (!repo.isEmpty()) {
        info.imageRepository = repo;
        info.imageTag = c.path("imagetag").asText("");
        info.imageDigest = c.path("imagedigest").asText("");
      }
      long created = c.path("created_time").asLong(0);
      if (created > 0) {
        info.startTs = created * 1_000_000_000L;
      }
    } catch (java.io.IOException | RuntimeException e) {
      malformed++;
    }
  }

  private static ContainerType runtime(int n) {
    return n >= 0 && n < BY_NUMBER.length ? BY_NUMBER[n] : ContainerType.HOST;
  }

  private static String text(EventView ev, String name) {
    int i = ev.paramIndex(name);
    if (i < 0 || i >= ev.paramCount()) {
      return "";
    }
    return ev.paramAsString(i);
  }
}
