package org.bigdatalab.lambda.spark;

import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.spec.LambdaSpec;

/** Runs the Lambda spec on {@code lambda:spark+spark-streaming+kafka}, the module's one shared combination. */
class SparkKafkaLambdaConformanceTest extends LambdaSpec {
  @Override
  protected PipelineEngine createEngine() {
    return SharedCombination.get();
  }

  @Override
  protected boolean ownsEngine() {
    return false;
  }
}
