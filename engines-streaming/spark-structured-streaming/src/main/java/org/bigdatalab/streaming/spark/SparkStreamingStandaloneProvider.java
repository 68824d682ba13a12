package org.bigdatalab.streaming.spark;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.SparkStandaloneJvm;

/**
 * Registers {@code spark-streaming@standalone}: {@code spark-streaming} on a standalone master and
 * worker that it starts as JVMs of their own on 127.0.0.1 ({@link SparkStandaloneJvm}) and stops on
 * close. The checkpoints go to a directory of the cluster's that the driver and the executors
 * share, unless {@code checkpoint.dir} names another; other options as for {@code spark-streaming}.
 */
public final class SparkStreamingStandaloneProvider implements EngineProvider {
  @Override public EngineInfo info() { return SparkStructuredStreaming.ON_STANDALONE; }

  @Override
  public Engine create(EngineOptions options) {
    return SparkStandaloneJvm.row(SparkStructuredStreaming.ON_STANDALONE, options, "checkpoint.dir",
        (values, cluster) -> new SparkStructuredStreaming(values, SparkStructuredStreaming.ON_STANDALONE, cluster));
  }
}
