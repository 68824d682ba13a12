package org.bigdatalab.dataflow.reference;

import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.spec.SkewSpec;

/** Runs the whole skew spec against {@code df-sequential}. */
class SequentialDataflowSkewConformanceTest extends SkewSpec {
  @Override
  protected DataflowEngine createEngine() {
    return new SequentialDataflow();
  }
}
