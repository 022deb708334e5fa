package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.FSPATH;

import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code fs.path.*}: the file-system paths an event creates, removes or renames (mkdir, rmdir,
 * unlink, open, rename, link, symlink...), made absolute, and as the syscall received them.
 */
public final class FsPathFields extends FieldFamily {

  static final int NAME = 0, NAMERAW = 1, SOURCE = 2, SOURCERAW = 3, TARGET = 4, TARGETRAW = 5;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("fs.path.name", FSPATH, ArgMode.NONE, "for single-path events (mkdir, unlink, open...), the path made absolute.", NAME),
      new FieldDef("fs.path.nameraw", FSPATH, ArgMode.NONE, "for single-path events, the path as the syscall received it.", NAMERAW),
      new FieldDef("fs.path.source", FSPATH, ArgMode.NONE, "for two-path events (rename, link, symlink), the source path made absolute (a symlink's target as stored).", SOURCE),
      new FieldDef("fs.path.sourceraw", FSPATH, ArgMode.NONE, "for two-path events, the source path as the syscall received it.", SOURCERAW),
      new FieldDef("fs.path.target", FSPATH, ArgMode.NONE, "for two-path events, the target path made absolute.", TARGET),
      new FieldDef("fs.path.targetraw", FSPATH, ArgMode.NONE, "for two-path events, the target path as the syscall received it.", TARGETRAW));

  /** Creates the family. */
  public FsPathFields() {}

  @Override
  public String name() {
    return "fs.path";
  }

  @Override
  public String description() {
    return "Paths of file-system changing events, absolute and as given.";
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
      PathArgs p = ctx.pathArgs();
      int slot = id / 2;
      String s = (id % 2 == 0) ? p.resolved(ctx, slot) : p.raw(ctx, slot);
      if (s == null) {
        return false;
      }
      text.set(s, out);
      return true;
    }
  }
}
