package org.bigdatalab.table.delta;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.SparkStandaloneJvm;

/**
 * Registers {@code delta@standalone}: {@code delta} on a standalone master and worker that it starts
 * as JVMs of their own on 127.0.0.1 ({@link SparkStandaloneJvm}) and stops on close. The tables go
 * to a directory of the cluster's that the driver and the executors share (the one machine's disk
 * standing in for a shared file system), unless {@code delta.root} names another; other options as
 * for {@code delta}.
 */
public final class DeltaStandaloneProvider implements EngineProvider {
  @Override public EngineInfo info() { return DeltaTables.ON_STANDALONE; }

  @Override
  public Engine create(EngineOptions options) {
    return SparkStandaloneJvm.row(DeltaTables.ON_STANDALONE, options, "delta.root",
        (values, cluster) -> new DeltaTables(values, DeltaTables.ON_STANDALONE, cluster));
  }
}
