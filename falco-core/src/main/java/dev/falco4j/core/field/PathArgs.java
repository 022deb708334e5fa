package dev.falco4j.core.field;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.state.FdInfo;
import dev.falco4j.core.state.PathResolver;
import dev.falco4j.core.state.ThreadInfo;
import dev.falco4j.dsl.compile.FieldValue;

/**
 * The file-system paths an event names, made absolute as Falco does: a single path (mkdir, unlink,
 * open, chmod...) and, for two-path events (rename, link, symlink), a source and a target. Computed
 * once per event on first use; used by {@code fs.path.*} and {@code evt.abspath}.
 */
final class PathArgs {

  static final int NAME = 0;
  static final int SOURCE = 1;
  static final int TARGET = 2;

  private static final String[] SINGLE = {"path", "name", "pathname", "filename"};
  private static final String[] SOURCES = {"oldpath"};
  private static final String[] TARGETS = {"newpath", "linkpath"};

  private final PathResolver paths = new PathResolver();
  private long stamp = -1;
  private final String[] raw = new String[3];
  private final String[] resolved = new String[3];

  private void load(EvalContext ctx) {
    if (stamp == ctx.sequence()) {
      return;
    }
    stamp = ctx.sequence();
    raw[0] = raw[1] = raw[2] = null;
    resolved[0] = resolved[1] = resolved[2] = null;
    EventView ev = ctx.event();
    ThreadInfo t = ctx.thread();
    if (ev.info() == null || ev.isEnter() || t == null) {
      return;
    }
    boolean twoPaths = ev.paramIndex("oldpath") >= 0 || ev.paramIndex("linkpath") >= 0;
    if (twoPaths) {
      find(ev, t, SOURCES, SOURCE, "olddirfd");
      if (ev.info().name().startsWith("symlink")) {
        // A symlink's target text is stored as is, never resolved.
        int i = ev.paramIndex("target");
        if (i >= 0 && i < ev.paramCount() && ev.paramLength(i) > 0) {
          raw[SOURCE] = ev.paramAsString(i);
          resolved[SOURCE] = raw[SOURCE];
        }
        find(ev, t, TARGETS, TARGET, "linkdirfd");
      } else {
        find(ev, t, TARGETS, TARGET, "newdirfd");
      }
    } else {
      find(ev, t, SINGLE, NAME, "dirfd");
    }
  }

  private void find(EventView ev, ThreadInfo t, String[] names, int slot, String dirfdName) {
    for (String n : names) {
      int i = ev.paramIndex(n);
      if (i >= 0 && i < ev.paramCount() && ev.paramLength(i) > 0) {
        String p = ev.paramAsString(i);
        if (p.isEmpty()) {
          return;
        }
        raw[slot] = p;
        long dirfd = -100;
        int d = ev.paramIndex(dirfdName);
        if (d >= 0 && d < ev.paramCount() && ev.paramLength(d) > 0) {
          dirfd = ev.paramAsLong(d, -100);
        }
        String base;
        if (p.charAt(0) == '/' || dirfd == -100) {
          base = t.cwd();
        } else {
          FdInfo dir = t.fds().get(dirfd);
          base = dir == null ? "<UNKNOWN>/" : PathResolver.asDirectory(dir.name());
        }
        resolved[slot] = paths.resolve(base, p);
        return;
      }
    }
  }

  String resolved(EvalContext ctx, int slot) {
    load(ctx);
    return resolved[slot];
  }

  String raw(EvalContext ctx, int slot) {
    load(ctx);
    return raw[slot];
  }

  /** {@code evt.abspath}: key null for the single path, "src"/"dst" for two-path events. */
  boolean abspath(EvalContext ctx, String key, Utf8Slot text, FieldValue out) {
    int slot = key == null ? NAME : key.equals("src") ? SOURCE : key.equals("dst") ? TARGET : -1;
    if (slot < 0) {
      return false;
    }
    String s = resolved(ctx, slot);
    if (s == null && slot == NAME) {
      s = resolved(ctx, TARGET);
    }
    if (s == null) {
      return false;
    }
    text.set(s, out);
    return true;
  }
}
