package org.bigdatalab.dataflow.spark;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.SparkStandaloneJvm;

/**
 * Registers {@code spark@standalone}: {@code spark} on a standalone master and worker that it starts
 * as JVMs of their own on 127.0.0.1 ({@link SparkStandaloneJvm}) and stops on close. Other
 * {@code spark.*} options go to Spark's configuration as for {@code spark}; a {@code spark.master}
 * among them (meant for {@code spark} in a run of several engines) gives way to its own cluster's.
 */
public final class SparkStandaloneProvider implements EngineProvider {
  @Override public EngineInfo info() { return SparkDataflow.ON_STANDALONE; }

  @Override
  public Engine create(EngineOptions options) {
    return SparkStandaloneJvm.row(SparkDataflow.ON_STANDALONE, options, null,
        (values, cluster) -> new SparkDataflow(values, SparkDataflow.ON_STANDALONE, cluster));
  }
}
