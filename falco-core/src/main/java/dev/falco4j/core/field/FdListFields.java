package dev.falco4j.core.field;

import static dev.falco4j.dsl.compile.FieldType.STRING;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.event.ParamType;
import dev.falco4j.core.state.FdInfo;
import dev.falco4j.core.state.SocketNames;
import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.dsl.compile.FieldValue;
import java.util.List;

/**
 * {@code fdlist.*}: the fds of events that carry a list of them (poll, ppoll, select...), each
 * looked up in the process's fd table, values joined by commas.
 */
public final class FdListFields extends FieldFamily {

  static final int NUMS = 0, NAMES = 1, CIPS = 2, SIPS = 3, CPORTS = 4, SPORTS = 5;

  private static final List<FieldDef> DEFS = List.of(
      new FieldDef("fdlist.nums", STRING, ArgMode.NONE, "the fd numbers in the event's fd list, comma separated.", NUMS),
      new FieldDef("fdlist.names", STRING, ArgMode.NONE, "the names of the fds in the event's fd list, comma separated.", NAMES),
      new FieldDef("fdlist.cips", STRING, ArgMode.NONE, "client addresses of the inet sockets in the event's fd list, comma separated.", CIPS),
      new FieldDef("fdlist.sips", STRING, ArgMode.NONE, "server addresses of the inet sockets in the event's fd list, comma separated.", SIPS),
      new FieldDef("fdlist.cports", STRING, ArgMode.NONE, "client ports of the inet sockets in the event's fd list, comma separated.", CPORTS),
      new FieldDef("fdlist.sports", STRING, ArgMode.NONE, "server ports of the inet sockets in the event's fd list, comma separated.", SPORTS));

  /** Creates the family. */
  public FdListFields() {}

  @Override
  public String name() {
    return "fdlist";
  }

  @Override
  public String description() {
    return "The fds of poll-like events that carry a list of fds.";
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
    private final StringBuilder sb = new StringBuilder();
    private long stamp = -1;
    private String value;

    Accessor(FieldDef def) {
      super(def, false);
      this.id = def.id();
    }

    @Override
    public boolean extract(EvalContext ctx, FieldValue out) {
      if (stamp != ctx.sequence()) {
        stamp = ctx.sequence();
        value = compute(ctx);
      }
      if (value == null) {
        return false;
      }
      text.set(value, out);
      return true;
    }

    private String compute(EvalContext ctx) {
      EventView ev = ctx.event();
      int idx = -1;
      for (int i = 0; i < ev.paramCount(); i++) {
        if (ev.paramType(i) == ParamType.FDLIST) {
          idx = i;
          break;
        }
      }
      ThreadInfo t = ctx.thread();
      if (idx < 0 || t == null || ev.paramLength(idx) < 2) {
        return null;
      }
      int pos = ev.paramOffset(idx);
      int len = ev.paramLength(idx);
      int count = ev.buffer().getShort(pos) & 0xFFFF;
      sb.setLength(0);
      boolean any = false;
      for (int i = 0; i < count && 2 + 10 * (i + 1) <= len; i++) {
        long fd = ev.buffer().getLong(pos + 2 + 10 * i);
        FdInfo info = t.fds().get(fd);
        int mark = sb.length();
        if (any) {
          sb.append(',');
        }
        boolean added = true;
        switch (id) {
          case NUMS: sb.append(fd); break;
          case NAMES: if (info == null) { added = false; } else { sb.append(info.name()); } break;
          case CIPS: if (info == null || !info.type().isInet()) { added = false; } else { SocketNames.appendClientIp(info, sb); } break;
          case SIPS: if (info == null || !info.type().isInet()) { added = false; } else { SocketNames.appendServerIp(info, sb); } break;
          case CPORTS: if (info == null || !info.type().isInet()) { added = false; } else { sb.append(info.clientPort()); } break;
          default: if (info == null || !info.type().isInet()) { added = false; } else { sb.append(info.serverPort()); } break;
        }
        if (added) {
          any = true;
        } else {
          sb.setLength(mark);
        }
      }
      return any ? sb.toString() : null;
    }
  }
}
