package org.bigdatalab.table.delta;

import java.util.Map;
import org.bigdatalab.spi.EngineOptions;

/**
 * The one engine this module's test classes share: a JVM holds one SparkSession, and starting it
 * costs seconds. Closed only by {@link #stop} (a cluster row's test needs the JVM's one SparkContext
 * for its own session); otherwise Spark's shutdown hook stops it with the JVM.
 */
final class SharedEngine {
  private SharedEngine() {}

  private static DeltaTables engine;

  static synchronized DeltaTables get() {
    if (engine == null) {
      engine = new DeltaTables(new EngineOptions(Map.of("spark.master", "local[2]")));
    }
    return engine;
  }

  /** Stops the shared session, if one runs, so that a test can start a session of its own; {@link #get} starts a new one. */
  static synchronized void stop() throws Exception {
    if (engine != null) {
      engine.close();
      engine = null;
    }
  }
}
