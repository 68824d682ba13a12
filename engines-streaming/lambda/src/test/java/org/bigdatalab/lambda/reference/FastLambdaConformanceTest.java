package org.bigdatalab.lambda.reference;

import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.spec.LambdaSpec;

/** Runs the Lambda spec on the fast combination ({@link CombinationProvider.Fast}). */
class FastLambdaConformanceTest extends LambdaSpec {
  @Override
  protected PipelineEngine createEngine() {
    return Combinations.fast();
  }
}
