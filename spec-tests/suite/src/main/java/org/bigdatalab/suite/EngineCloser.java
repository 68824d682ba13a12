package org.bigdatalab.suite;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Closes the suite class's engine when all its checks are done. */
public final class EngineCloser implements AfterAllCallback {

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    SuiteEngines.release(context.getRequiredTestClass());
  }
}
