package org.bigdatalab.lambda.reference;

import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.spec.KappaSpec;

/** Runs the Kappa spec on the reference combination ({@link CombinationProvider.Reference}). */
class ReferenceKappaConformanceTest extends KappaSpec {
  @Override
  protected PipelineEngine createEngine() {
    return Combinations.reference();
  }
}
