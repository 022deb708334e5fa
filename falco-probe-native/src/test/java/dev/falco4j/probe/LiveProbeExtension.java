package dev.falco4j.probe;

import dev.falco4j.core.testing.Prerequisites;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Opens one {@link LiveEventSource} per test class (loading the probe takes about a second) and
 * closes it afterwards; tests receive it as a parameter. Skips (fails under CI=true) when {@link
 * ProbeSupport} says live capture cannot work here.
 */
final class LiveProbeExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(LiveProbeExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Prerequisites.requireRoot();
    ProbeSupport.Status status = ProbeSupport.check();
    Prerequisites.require(status.supported(), "live capture: " + status.reason());
    context.getStore(NS).put("source", LiveEventSource.open(LiveOptions.defaults()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    LiveEventSource source = context.getStore(NS).remove("source", LiveEventSource.class);
    if (source != null) {
      source.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
    return p.getParameter().getType() == LiveEventSource.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e) {
    return e.getStore(NS).get("source", LiveEventSource.class);
  }
}
