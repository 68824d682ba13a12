package org.bigdatalab.suite;

import java.lang.reflect.Method;
import org.bigdatalab.spi.EngineInfo;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Skips the checks of a clause the engine declares unsupported, giving the engine's reason. */
public final class ClauseGate implements ExecutionCondition {

  @Override
  public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
    Method method = context.getTestMethod().orElse(null);
    Verifies verifies = method == null ? null : method.getAnnotation(Verifies.class);
    if (verifies == null || !(context.getTestInstance().orElse(null) instanceof ConformanceSuite<?> suite)) {
      return ConditionEvaluationResult.enabled("not a clause check");
    }
    EngineInfo info = SuiteEngines.infoFor(suite);
    String reason = info.unsupported().get(verifies.value());
    return reason == null
        ? ConditionEvaluationResult.enabled(verifies.value() + " supported by " + info.id())
        : ConditionEvaluationResult.disabled("unsupported by " + info.id() + ": " + reason);
  }
}
