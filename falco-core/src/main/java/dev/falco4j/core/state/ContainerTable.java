package dev.falco4j.core.state;

import java.util.HashMap;
import java.util.Map;

/**
 * Containers by id. Entries appear when a thread's cgroups name a container or a trace carries a
 * container event. Bounded: beyond {@link #MAX_CONTAINERS} entries the least recently added
 * undescribed ones are dropped. Looked up once per thread creation or exec, not per event.
 */
public final class ContainerTable {

  /** The most containers held. */
  public static final int MAX_CONTAINERS = 16_384;

  private final Map<String, ContainerInfo> byId = new HashMap<>();

  /** Creates an empty table. */
  public ContainerTable() {}

  /** The container with this id, or null. */
  public ContainerInfo get(String id) {
    return byId.get(id);
  }

  /** Number of containers known. */
  public int size() {
    return byId.size();
  }

  /** The entry for a container found in cgroups, created on first sight. */
  public ContainerInfo getOrAdd(ContainerRef ref) {
    ContainerInfo info = byId.get(ref.id());
    if (info == null) {
      if (byId.size() >= MAX_CONTAINERS) {
        byId.values().removeIf(c -> !c.described);
        if (byId.size() >= MAX_CONTAINERS) {
          byId.clear();
        }
      }
      info = new ContainerInfo(ref.id(), ref.type());
      byId.put(ref.id(), info);
    }
    return info;
  }

  /** Adds or returns the entry for an id announced by a container event. */
  public ContainerInfo getOrAdd(String id, ContainerType type) {
    return getOrAdd(new ContainerRef(type, id, id));
  }

  /** Forgets every container. */
  public void clear() {
    byId.clear();
  }
}
