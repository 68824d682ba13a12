package org.bigdatalab.dataflow.spark;

import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.spec.SkewSpec;
import org.bigdatalab.spi.EngineOptions;

/** Runs the whole skew spec against {@code spark} on local[2]. */
class SparkSkewConformanceTest extends SkewSpec {
  @Override
  protected DataflowEngine createEngine() {
    return new SparkDataflow(new EngineOptions(java.util.Map.of("spark.master", "local[2]")));
  }
}
