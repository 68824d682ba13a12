package org.bigdatalab.dataflow.spark;

import java.util.HashMap;
import java.util.Map;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.ClusterRow;

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
    return ClusterRow.start("spark@standalone", "the cluster", SparkStandaloneJvm::start, cluster -> {
      Map<String, String> values = new HashMap<>(options.values());
      values.putAll(cluster.applicationOptions());
      return new SparkDataflow(new EngineOptions(values), SparkDataflow.ON_STANDALONE, cluster);
    });
  }
}
