package org.bigdatalab.dataflow.spark;

import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.spec.DataflowSpec;
import org.bigdatalab.spi.EngineOptions;

/** Runs the whole dataflow spec against {@code spark} on local[2]. */
class SparkDataflowConformanceTest extends DataflowSpec {
  @Override
  protected DataflowEngine createEngine() {
    return new SparkDataflow(new EngineOptions(java.util.Map.of("spark.master", "local[2]")));
  }
}
