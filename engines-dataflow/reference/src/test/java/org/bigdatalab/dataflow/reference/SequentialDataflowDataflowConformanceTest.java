package org.bigdatalab.dataflow.reference;

import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.spec.DataflowSpec;

/** Runs the whole dataflow spec against {@code df-sequential}. */
class SequentialDataflowDataflowConformanceTest extends DataflowSpec {
  @Override
  protected DataflowEngine createEngine() {
    return new SequentialDataflow();
  }
}
