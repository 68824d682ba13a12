package org.bigdatalab.suite;

import java.util.Objects;
import org.bigdatalab.spi.Engine;

/**
 * Lends an engine to a topic's {@code Selected} suite for one run of the
 * {@link org.bigdatalab.suite.matrix.ConformanceRunner}: that is how the CLI and the self-tests run
 * a suite against an engine that has no binding class (one chosen on the command line, or a
 * deliberately broken one). Runs are serialized: one lent engine at a time.
 */
public final class EngineUnderTest {
  private static Engine lent;

  private EngineUnderTest() {}

  public static synchronized void lend(Engine engine) {
    if (lent != null) {
      throw new IllegalStateException("an engine is already lent: " + lent.info().id());
    }
    lent = Objects.requireNonNull(engine);
  }

  public static synchronized void takeBack() {
    lent = null;
  }

  public static synchronized Engine current() {
    if (lent == null) {
      throw new IllegalStateException("no engine lent: run the Selected suites through ConformanceRunner");
    }
    return lent;
  }
}
