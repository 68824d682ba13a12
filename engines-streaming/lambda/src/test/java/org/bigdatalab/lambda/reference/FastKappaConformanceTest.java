package org.bigdatalab.lambda.reference;

import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.spec.KappaSpec;

/** Runs the Kappa spec on the fast combination ({@link CombinationProvider.Fast}). */
class FastKappaConformanceTest extends KappaSpec {
  @Override
  protected PipelineEngine createEngine() {
    return Combinations.fast();
  }
}
