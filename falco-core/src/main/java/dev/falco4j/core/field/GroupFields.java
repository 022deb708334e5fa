package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.STRING;
import static dev.falco4j.dsl.compile.FieldType.UID;

import dev.falco4j.core.state.GroupInfo;
import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/** {@code group.*}: the group the process runs as. */
public final class GroupFields extends FieldFamily {

  static final int GID = 0, NAME = 1;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("group.gid", UID, ArgMode.NONE, "group id the process runs as.", GID),
      new FieldDef("group.name", STRING, ArgMode.NONE, "name of the group the process runs as.", NAME));

  /** Creates the family. */
  public GroupFields() {}

  @Override
  public String name() {
    return "group";
  }

  @Override
  public String description() {
    return "The group the process runs as.";
  }

  @Override
  public List<FieldDef> fields() {
    return DEFS;
  }

  @Override
  protected FieldAccessor accessor(FieldDef def, String key, int index, boolean list) {
    return new Accessor(def);
  }

  private static final class Accessor extends FieldAccessor {
    private final int id;
    private final Utf8Slot text = new Utf8Slot();

    Accessor(FieldDef def) {
      super(def, false);
      this.id = def.id();
    }

    @Override
    public boolean extract(EvalContext ctx, FieldValue out) {
      ThreadInfo t = ctx.thread();
      if (t == null) {
        return false;
      }
      if (id == GID) {
        out.setLong(Integer.toUnsignedLong(t.gid()));
        return true;
      }
      GroupInfo g = ctx.state().users().group(t.gid());
      if (g == null) {
        return false;
      }
      text.set(g.name(), out);
      return true;
    }
  }
}
