package org.bigdatalab.dataflow.reference;

import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.spec.SkewSpec;

/** Runs the whole skew spec against {@code df-parallel}. */
class ParallelDataflowSkewConformanceTest extends SkewSpec {
  @Override
  protected DataflowEngine createEngine() {
    return new ParallelDataflow(4);
  }
}
