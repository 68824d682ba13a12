package org.bigdatalab.table.iceberg;

import java.util.Map;
import org.bigdatalab.spi.EngineOptions;

/**
 * The one engine this module's test classes share: a JVM holds one SparkSession, and starting it
 * costs seconds. Never closed by a test; Spark's shutdown hook stops it with the JVM.
 */
final class SharedEngine {
  private SharedEngine() {}

  private static IcebergTables engine;

  static synchronized IcebergTables get() {
    if (engine == null) {
      engine = new IcebergTables(new EngineOptions(Map.of("spark.master", "local[2]")));
    }
    return engine;
  }
}
