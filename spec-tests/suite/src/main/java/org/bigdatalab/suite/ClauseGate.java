package org.bigdatalab.suite;

import java.lang.reflect.Method;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.bigdatalab.spi.EngineInfo;

/** Skips the checks of a clause the engine declares unsupported, giving the engine's reason. */
public final class ClauseGate implements SkipExecutionHook {

  @Override
  public SkipResult shouldBeSkipped(LifecycleContext context) {
    if (context.optionalElement().isEmpty() || !(context.optionalElement().get() instanceof Method method)) {
      return SkipResult.doNotSkip();
    }
    Verifies verifies = method.getAnnotation(Verifies.class);
    Class<?> container = context.optionalContainerClass().orElse(null);
    if (verifies == null || container == null || !ConformanceSuite.class.isAssignableFrom(container)) {
      return SkipResult.doNotSkip();
    }
    EngineInfo info = SuiteEngines.infoFor((ConformanceSuite<?>) context.newInstance(container));
    String reason = info.unsupported().get(verifies.value());
    return reason == null
        ? SkipResult.doNotSkip()
        : SkipResult.skip("unsupported by " + info.id() + ": " + reason);
  }
}
