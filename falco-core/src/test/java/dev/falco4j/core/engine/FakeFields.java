package dev.falco4j.core.engine;

import dev.falco4j.core.event.EventView;
import dev.falco4j.core.field.EvalContext;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.dsl.compile.FieldBinding;
import dev.falco4j.dsl.compile.FieldResolver;
import dev.falco4j.dsl.compile.FieldType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A tiny field catalog for engine tests, independent of the real one: {@code evt.type} from the
 * event header, {@code proc.name}, {@code fd.name} and {@code fd.num} from values the test sets.
 * Event types: open = 2/3, execve = 10/11, connect = 20/21.
 */
final class FakeFields implements FieldResolver<EvalContext> {
  String procName;
  String fdName;
  Long fdNum;

  private static final Map<String, int[]> TYPES = Map.of(
      "open", new int[] {2, 3}, "execve", new int[] {10, 11}, "connect", new int[] {20, 21});

  private final EvalContext ctx = new EvalContext(new SystemState());
  private final EventView view = new EventView();
  private final ByteBuffer buffer = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);

  /** Points the context at a parameterless event of {@code type} at time {@code ts}. */
  EvalContext event(int type, long ts) {
    buffer.clear();
    buffer.putLong(0, ts).putLong(8, 42).putInt(16, 26).putShort(20, (short) type).putInt(22, 0);
    view.reset(buffer, 0);
    ctx.moveTo(view);
    return ctx;
  }

  @Override
  public FieldBinding<EvalContext> resolve(String name, String argument) {
    return switch (name) {
      case "evt.type" -> FieldBinding.of(FieldType.EVENT_TYPE, (c, out) -> {
        out.setLong(c.event().type());
        return true;
      });
      case "evt.time" -> FieldBinding.of(FieldType.ABSTIME, (c, out) -> {
        out.setLong(c.event().timestamp());
        return true;
      });
      case "proc.name" -> string(() -> procName);
      case "fd.name" -> string(() -> fdName);
      case "fd.num" -> FieldBinding.of(FieldType.INT64, (c, out) -> {
        if (fdNum == null) {
          return false;
        }
        out.setLong(fdNum);
        return true;
      });
      default -> FieldBinding.error("unknown field '" + name + "'");
    };
  }

  private FieldBinding<EvalContext> string(java.util.function.Supplier<String> value) {
    return FieldBinding.of(FieldType.STRING, (c, out) -> {
      String v = value.get();
      if (v == null) {
        return false;
      }
      byte[] b = v.getBytes(StandardCharsets.UTF_8);
      out.setBytes(b, 0, b.length);
      return true;
    });
  }

  @Override
  public int eventTypeCount() {
    return 64;
  }

  @Override
  public int[] eventTypeIds(String eventName) {
    return TYPES.getOrDefault(eventName, new int[0]);
  }
}
