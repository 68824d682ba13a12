package org.bigdatalab.lambda.reference;

import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.spec.LambdaSpec;

/** Runs the Lambda spec on the reference combination ({@link CombinationProvider.Reference}). */
class ReferenceLambdaConformanceTest extends LambdaSpec {
  @Override
  protected PipelineEngine createEngine() {
    return Combinations.reference();
  }
}
