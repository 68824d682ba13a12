package org.bigdatalab.suite;

import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * Puts the clause id, the engine and the seed at the front of every failure message, so a red line
 * in any report says what broke, where, and how to replay it.
 */
public final class ClauseLabel implements AroundPropertyHook {

  @Override
  public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
    PropertyExecutionResult result = property.execute();
    Verifies verifies = context.targetMethod().getAnnotation(Verifies.class);
    if (result.status() != PropertyExecutionResult.Status.FAILED || verifies == null
        || !(context.testInstance() instanceof ConformanceSuite<?> suite)) {
      return result;
    }
    Throwable cause = result.throwable().orElse(null);
    String sample = result.shrunkSample().map(s -> " minimal input " + s.parameters())
        .or(() -> result.falsifiedParameters().map(p -> " input " + p)).orElse("");
    String message = "[" + verifies.value() + "] on engine " + SuiteEngines.infoFor(suite).id()
        + result.seed().map(s -> " (seed " + s + ")").orElse("") + sample + ": "
        + (cause == null ? "failed" : cause.getMessage());
    Throwable labelled = cause instanceof AssertionError || cause == null
        ? new AssertionError(message, cause)
        : new ClauseErrorException(message, cause);
    return result.mapToFailed(labelled);
  }

  /** A check that crashed rather than failed its assertion; the matrix shows it as an error. */
  public static final class ClauseErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClauseErrorException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
