package org.bigdatalab.lambda.spark;

import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.spi.EngineOptions;

/**
 * The one combination this module's suites share, made as the registry makes it: a JVM holds one
 * SparkContext, and Spark and the embedded broker each take seconds to start. Never closed by a
 * suite; the JVM's exit stops Spark (its shutdown hook) and the broker with it.
 */
final class SharedCombination {
  private SharedCombination() {}

  private static PipelineEngine engine;

  static synchronized PipelineEngine get() {
    if (engine == null) {
      engine = (PipelineEngine) new SparkKafkaCombination().create(EngineOptions.NONE);
    }
    return engine;
  }
}
