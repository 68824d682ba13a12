package org.bigdatalab.dataflow.spark;

import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.spec.SkewSpec;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Tag;

/**
 * The skew spec (salted aggregation, the skew joins) against {@code spark@standalone}, two cases per
 * property, on a cluster of its own as {@link SparkStandaloneConformanceTest} describes.
 */
@Tag("cluster")
@PropertyDefaults(tries = 2, triesProperty = "spark.standalone.tries")
class SparkStandaloneSkewConformanceTest extends SkewSpec {
  @Override
  protected DataflowEngine createEngine() {
    return (DataflowEngine) new SparkStandaloneProvider().create(EngineOptions.NONE);
  }
}
