package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.INT64;
import static dev.falco4j.dsl.compile.FieldType.STRING;
import static dev.falco4j.dsl.compile.FieldType.UID;

import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.core.state.UserInfo;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code user.*}: the user the process runs as, and the audit login user; names come from the
 * trace's user list or the host's passwd file.
 */
public final class UserFields extends FieldFamily {

  static final int UID_ = 0, NAME = 1, HOMEDIR = 2, SHELL = 3, LOGINUID = 4, LOGINNAME = 5;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("user.uid", UID, ArgMode.NONE, "user id the process runs as.", UID_),
      new FieldDef("user.name", STRING, ArgMode.NONE, "name of the user the process runs as.", NAME),
      new FieldDef("user.homedir", STRING, ArgMode.NONE, "home directory of the user.", HOMEDIR),
      new FieldDef("user.shell", STRING, ArgMode.NONE, "login shell of the user.", SHELL),
      new FieldDef("user.loginuid", INT64, ArgMode.NONE, "audit login user id: who logged in, kept across su and sudo; -1 when no login session.", LOGINUID),
      new FieldDef("user.loginname", STRING, ArgMode.NONE, "name of the audit login user.", LOGINNAME));

  /** Creates the family. */
  public UserFields() {}

  @Override
  public String name() {
    return "user";
  }

  @Override
  public String description() {
    return "The user the process runs as, and who logged in.";
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
      switch (id) {
        case UID_: out.setLong(Integer.toUnsignedLong(t.uid())); return true;
        case LOGINUID: out.setLong(t.loginUid()); return true;
        case NAME: case HOMEDIR: case SHELL: {
          UserInfo u = ctx.state().users().user(t.uid());
          if (u == null) {
            return false;
          }
          text.set(id == NAME ? u.name() : id == HOMEDIR ? u.home() : u.shell(), out);
          return true;
        }
        case LOGINNAME: {
          if (t.loginUid() == -1) {
            return false;
          }
          UserInfo u = ctx.state().users().user(t.loginUid());
          if (u == null) {
            return false;
          }
          text.set(u.name(), out);
          return true;
        }
        default:
          return false;
      }
    }
  }
}
