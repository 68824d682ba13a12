package org.bigdatalab.table.delta;

import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.spec.InjectedCrash;
import org.bigdatalab.table.spec.TableSpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The table spec against {@code delta@standalone}: a standalone master and worker in JVMs of their
 * own, executors started by the worker writing the data files, the lab's classes and the crashing
 * file system shipped as {@code spark.jars}, tables in a directory the driver and executors share
 * (logs under {@code target/cluster-logs/}). Two cases per property: the {@code local[2]} binding
 * covers the generated inputs, this one Delta's transactions across processes.
 */
@Tag("cluster")
@PropertyDefaults(tries = 2, triesProperty = "delta.standalone.tries")
class DeltaStandaloneConformanceTest extends TableSpec {
  @Override
  protected TableEngine createEngine() throws Exception {
    SharedEngine.stop();
    return (TableEngine) new DeltaStandaloneProvider().create(EngineOptions.NONE);
  }

  /**
   * The spec's crash steps are not idle here: a writer told to crash before its first change dies at
   * the commit file the driver writes and leaves the table as it was (the data files are written by
   * executors, where the fault is not armed, so it can only land on the driver's writes).
   */
  @Test
  void anInjectedCrashReachesTheDriversWritesOnTheCluster() throws Exception {
    InjectedCrash.stopsTheNextAppend(engine(), "crash-on-cluster");
  }
}
