package org.bigdatalab.table.iceberg;

import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.spec.InjectedCrash;
import org.bigdatalab.table.spec.TableSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The table spec against {@code iceberg@standalone}: a standalone master and worker in JVMs of their
 * own, executors started by the worker writing MERGE's data files, the lab's classes and the crashing
 * FileIO shipped as {@code spark.jars}, the warehouse in a directory the driver and executors share
 * (logs under {@code target/cluster-logs/}). Two cases per property: the {@code local[2]} binding
 * covers the generated inputs, this one Iceberg's commits across processes.
 */
@Tag("cluster")
@PropertyDefaults(tries = 2, triesProperty = "iceberg.standalone.tries")
class IcebergStandaloneConformanceTest extends TableSpec {
  @Override
  protected TableEngine createEngine() throws Exception {
    SharedEngine.stop();
    return (TableEngine) new IcebergStandaloneProvider().create(EngineOptions.NONE);
  }

  /**
   * The spec's crash steps are not idle here: a writer told to crash before its first change dies at
   * the first file the driver writes (an append's data file: the adapter appends through Iceberg's
   * core API on the driver) and leaves the table as it was. MERGE's data files come from executors,
   * where the fault is not armed.
   */
  @Test
  void anInjectedCrashReachesTheDriversWritesOnTheCluster() throws Exception {
    InjectedCrash.stopsTheNextAppend(engine(), "crash-on-cluster");
  }
}
