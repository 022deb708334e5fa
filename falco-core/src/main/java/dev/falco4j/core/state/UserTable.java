package dev.falco4j.core.state;

/**
 * Users and groups by id, for {@code user.*} and {@code group.*}: filled from a trace's user-list
 * block, or for live capture from the host's passwd and group files ({@link PasswdParser}).
 * Lookups do not box ids.
 */
public final class UserTable {

  private final LongObjectMap<UserInfo> users = new LongObjectMap<>(64);
  private final LongObjectMap<GroupInfo> groups = new LongObjectMap<>(64);

  /** Creates an empty table. */
  public UserTable() {}

  /** Adds or replaces a user. */
  public void addUser(UserInfo user) {
    users.put(Integer.toUnsignedLong(user.uid()), user);
  }

  /** Adds or replaces a group. */
  public void addGroup(GroupInfo group) {
    groups.put(Integer.toUnsignedLong(group.gid()), group);
  }

  /** The user with this id, or null. */
  public UserInfo user(int uid) {
    return users.get(Integer.toUnsignedLong(uid));
  }

  /** The group with this id, or null. */
  public GroupInfo group(int gid) {
    return groups.get(Integer.toUnsignedLong(gid));
  }

  /** Number of users. */
  public int userCount() {
    return users.size();
  }

  /** Number of groups. */
  public int groupCount() {
    return groups.size();
  }

  /** All users (a copy, for display setup; not for the per-event path). */
  public java.util.List<UserInfo> allUsers() {
    java.util.List<UserInfo> out = new java.util.ArrayList<>(users.size());
    for (int i = 0; i < users.slotCount(); i++) {
      if (users.valueAt(i) != null) {
        out.add(users.valueAt(i));
      }
    }
    return out;
  }

  /** All groups (a copy, for display setup; not for the per-event path). */
  public java.util.List<GroupInfo> allGroups() {
    java.util.List<GroupInfo> out = new java.util.ArrayList<>(groups.size());
    for (int i = 0; i < groups.slotCount(); i++) {
      if (groups.valueAt(i) != null) {
        out.add(groups.valueAt(i));
      }
    }
    return out;
  }

  /** Forgets everything (a new trace section starts). */
  public void clear() {
    users.clear();
    groups.clear();
  }
}
