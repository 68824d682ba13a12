package org.bigdatalab.suite;

import org.bigdatalab.property.PropertyFailure;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Puts the clause id, the engine and the seed at the front of every failure message, so a red line
 * in any report says what broke, where, and how to replay it.
 */
public final class ClauseLabel implements TestExecutionExceptionHandler {

  @Override
  public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
    Verifies verifies = context.getTestMethod().map(m -> m.getAnnotation(Verifies.class)).orElse(null);
    if (verifies == null || !(context.getTestInstance().orElse(null) instanceof ConformanceSuite<?> suite)
        || thrown instanceof org.opentest4j.TestAbortedException) {
      throw thrown;
    }
    Throwable cause = thrown;
    String generated = "";
    if (thrown instanceof PropertyFailure failure) {
      cause = thrown.getCause();
      generated = " (seed " + failure.seed() + ", " + failure.cases() + " cases; replay with -D"
          + org.bigdatalab.property.PropertyExtension.SEED + "=" + failure.seed() + ") minimal input "
          + failure.minimalInput();
    }
    String message = "[" + verifies.value() + "] on engine " + SuiteEngines.infoFor(suite).id() + generated + ": "
        + (cause == null ? "failed" : cause.getMessage());
    throw cause instanceof AssertionError || cause == null
        ? new AssertionError(message, thrown)
        : new ClauseErrorException(message, thrown);
  }

  /** A check that crashed rather than failed its assertion; the matrix shows it as an error. */
  public static final class ClauseErrorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    ClauseErrorException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
