package org.bigdatalab.lambda.spark;

import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.spec.KappaSpec;

/** Runs the Kappa spec on {@code lambda:spark+spark-streaming+kafka}, the module's one shared combination. */
class SparkKafkaKappaConformanceTest extends KappaSpec {
  @Override
  protected PipelineEngine createEngine() {
    return SharedCombination.get();
  }

  @Override
  protected boolean ownsEngine() {
    return false;
  }
}
