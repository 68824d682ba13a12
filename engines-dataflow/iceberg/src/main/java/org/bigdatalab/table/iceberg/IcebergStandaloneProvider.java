package org.bigdatalab.table.iceberg;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.SparkStandaloneJvm;

/**
 * Registers {@code iceberg@standalone}: {@code iceberg} on a standalone master and worker that it
 * starts as JVMs of their own on 127.0.0.1 ({@link SparkStandaloneJvm}) and stops on close. The
 * warehouse is a directory of the cluster's that the driver and the executors share (the one
 * machine's disk standing in for a shared file system), unless {@code iceberg.warehouse} names
 * another; other options as for {@code iceberg}.
 */
public final class IcebergStandaloneProvider implements EngineProvider {
  @Override public EngineInfo info() { return IcebergTables.ON_STANDALONE; }

  @Override
  public Engine create(EngineOptions options) {
    return SparkStandaloneJvm.row(IcebergTables.ON_STANDALONE, options, "iceberg.warehouse",
        (values, cluster) -> new IcebergTables(values, IcebergTables.ON_STANDALONE, cluster));
  }
}
