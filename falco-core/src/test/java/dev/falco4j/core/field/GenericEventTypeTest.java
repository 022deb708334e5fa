package dev.falco4j.core.field;

import static dev.falco4j.core.event.EventBytes.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.falco4j.core.event.EventType;
import dev.falco4j.core.event.EventView;
import dev.falco4j.core.state.SystemState;
import dev.falco4j.dsl.CompileResult;
import dev.falco4j.dsl.ConditionCompiler;
import org.junit.jupiter.api.Test;

/**
 * {@code evt.type} on generic syscall events names their syscall, also when the syscall has an
 * event of its own today: traces of sysdig 0.29's time, and what {@code falco -w} writes for it,
 * report {@code finit_module} or {@code prctl} as generic events.
 */
class GenericEventTypeTest {

  private final FieldCatalog catalog = new FieldCatalog();

  @Test
  void evtTypeMatchesGenericEventsByTheirSyscall() {
    // ppm_sc 314 = finit_module, 106 = prctl; rt_sigaction only ever comes as a generic event
    int rtSigaction = -1;
    for (int sc = 0; sc < 1024 && rtSigaction < 0; sc++) {
      if ("rt_sigaction".equals(catalog.eventTable().syscallName(sc))) {
        rtSigaction = sc;
      }
    }
    EventView finit = generic(314);
    EventView prctl = generic(106);
    EventView sigaction = generic(rtSigaction);
    assertThat(matches("evt.type in (init_module, finit_module)", finit)).isTrue();
    assertThat(matches("evt.type = prctl", prctl)).isTrue();
    assertThat(matches("evt.type = rt_sigaction", sigaction)).isTrue();
    assertThat(matches("evt.type = prctl", finit)).isFalse();
    assertThat(matches("evt.type != finit_module", finit)).isFalse();
    assertThat(catalog.eventTypeId(finit)).isEqualTo(catalog.eventTable().size() + 314);
    // the dedicated event still matches
    byte[] e = v2(EventType.PRCTL_X, 1, 7, false, i64(0), u32(15), cstr("x"), i64(0));
    EventView dedicated = new EventView();
    dedicated.reset(le(e), 0, 0, 0, 1);
    dedicated.checkLayout(e.length);
    assertThat(matches("evt.type = prctl", dedicated)).isTrue();
  }

  private static EventView generic(int ppmSc) {
    byte[] e = v2(EventType.GENERIC_X, 1, 7, false, u16(ppmSc), u16(0));
    EventView v = new EventView();
    v.reset(le(e), 0, 0, 0, 1);
    v.checkLayout(e.length);
    return v;
  }

  private boolean matches(String condition, EventView ev) {
    CompileResult<EvalContext> r = ConditionCompiler.create(catalog).compile(condition);
    assertThat(r.ok()).as(condition + ": " + r.diagnostics()).isTrue();
    EvalContext ctx = new EvalContext(new SystemState());
    ctx.next(ev);
    return r.condition().test(ctx);
  }
}
