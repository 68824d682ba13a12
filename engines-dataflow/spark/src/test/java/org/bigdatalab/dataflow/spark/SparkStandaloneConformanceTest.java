package org.bigdatalab.dataflow.spark;

import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.spec.DataflowSpec;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Tag;

/**
 * The dataflow spec against {@code spark@standalone}: a standalone master and worker in JVMs of
 * their own, executors started by the worker, the job's classes shipped as {@code spark.jars}
 * (logs under {@code target/cluster-logs/}). Two cases per property: the {@code local[2]} binding
 * covers the generated inputs, this one that every function serializes and every class reaches an
 * executor that only has Spark's jars.
 */
@Tag("cluster")
@PropertyDefaults(tries = 2, triesProperty = "spark.standalone.tries")
class SparkStandaloneConformanceTest extends DataflowSpec {
  @Override
  protected DataflowEngine createEngine() {
    return (DataflowEngine) new SparkStandaloneProvider().create(EngineOptions.NONE);
  }
}
