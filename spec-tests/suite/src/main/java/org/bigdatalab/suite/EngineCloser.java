package org.bigdatalab.suite;

import net.jqwik.api.lifecycle.AfterContainerHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;

/** Closes the suite class's engine when all its properties are done. */
public final class EngineCloser implements AfterContainerHook {

  @Override
  public void afterContainer(ContainerLifecycleContext context) throws Exception {
    if (context.optionalContainerClass().isPresent()) {
      SuiteEngines.release(context.optionalContainerClass().get());
    }
  }
}
