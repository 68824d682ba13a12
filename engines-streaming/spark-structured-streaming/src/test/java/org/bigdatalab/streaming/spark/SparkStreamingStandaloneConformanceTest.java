package org.bigdatalab.streaming.spark;

import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.StreamingSpec;
import org.junit.jupiter.api.Tag;

/**
 * The streaming spec against {@code spark-streaming@standalone}: a standalone master and worker in
 * JVMs of their own, executors started by the worker, the lab's classes shipped as
 * {@code spark.jars}, checkpoints in a directory the driver and executors share (logs under
 * {@code target/cluster-logs/}). Two cases per property: the {@code local[*]} binding covers the
 * generated inputs, this one that the aggregation, its parser and the stateless stages serialize
 * and run in executor JVMs that have Spark's jars only, and that state is restored there.
 */
@Tag("cluster")
@PropertyDefaults(tries = 2, triesProperty = "spark.standalone.tries")
class SparkStreamingStandaloneConformanceTest extends StreamingSpec {
  @Override
  protected StreamingEngine createEngine() throws Exception {
    SharedEngine.stop();
    return (StreamingEngine) new SparkStreamingStandaloneProvider().create(EngineOptions.NONE);
  }
}
