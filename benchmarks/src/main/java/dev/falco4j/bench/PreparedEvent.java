package dev.falco4j.bench;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.field.FieldAccessor;
import dev.falco4j.core.field.FieldCatalog;

/**
 * A real event with the state as it stood when the event happened: a trace replayed through the
 * state tracker and stopped at the event of interest. The view points into the trace's buffer and
 * the context is at that event, so extractors and conditions read real process/fd/user state.
 *
 * @param context the context at the event (the event applied to its state)
 * @param view the event
 */
record PreparedEvent(EvalContext context, EventView view) {

  /**
   * Stops at the first exit event whose {@code fd.name} is {@code path} and whose type is an
   * open-family one ({@code evt.type} starting with "open").
   */
  static PreparedEvent openExit(RecordedTrace trace, FieldCatalog catalog, String path) {
    FieldAccessor fdName = catalog.accessor("fd.name", null);
    FieldAccessor type = catalog.accessor("evt.type", null);
    EvalContext ctx = new EvalContext(trace.seededState());
    EventView view = new EventView();
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < trace.count(); i++) {
      ctx.next(trace.show(i, view));
      if (view.isEnter()) {
        continue;
      }
      text.setLength(0);
      type.display(ctx, text);
      if (text.indexOf("open") != 0) {
        continue;
      }
      text.setLength(0);
      if (fdName.display(ctx, text) && text.toString().equals(path)) {
        return new PreparedEvent(ctx, view);
      }
    }
    throw new IllegalStateException("no open exit event for " + path + " in " + trace.path());
  }
}
