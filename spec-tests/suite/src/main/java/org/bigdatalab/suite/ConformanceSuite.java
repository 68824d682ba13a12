package org.bigdatalab.suite;

import org.bigdatalab.spi.Engine;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Base of every topic's abstract suite. A binding class in an engine module supplies only the
 * engine:
 *
 * <pre>{@code
 * class SequentialMapReduceConformanceTest extends MapReduceSpec {
 *   @Override protected MapReduceEngine createEngine() { return new SequentialMapReduce(); }
 * }
 * }</pre>
 *
 * One engine is created per concrete suite class and shared by all its properties; it is closed
 * when the class is done. Clauses the engine declares unsupported are skipped with the engine's
 * reason (see {@link ClauseGate}), never reported as passed.
 */
@ExtendWith({ClauseGate.class, ClauseLabel.class, EngineCloser.class})
public abstract class ConformanceSuite<E extends Engine> {

  /** Creates the engine under test. Called once per concrete suite class. */
  protected abstract E createEngine() throws Exception;

  /** Whether the suite closes the engine when done; false when a caller lends it (see {@link EngineUnderTest}). */
  protected boolean ownsEngine() {
    return true;
  }

  /** The engine under test, shared by all properties of this class. */
  @SuppressWarnings("unchecked")
  protected final E engine() {
    return (E) SuiteEngines.engineFor(this);
  }

  /** Makes an engine the suite needs besides the one under test. */
  @FunctionalInterface
  public interface EngineFactory {
    Engine create() throws Exception;
  }

  /**
   * Another engine the checks need (e.g. the store a MapReduce job reads from), made by
   * {@code factory} on first use, shared by all properties of this class under {@code name}, and
   * closed with the engine under test.
   */
  @SuppressWarnings("unchecked")
  protected final <T extends Engine> T companion(String name, EngineFactory factory) {
    return (T) SuiteEngines.companionFor(this, name, factory);
  }
}
