package org.bigdatalab.streaming.spark;

/**
 * The one engine this module's test classes share: a JVM holds one SparkSession, and starting it
 * costs seconds. Never closed by a test; Spark's shutdown hook stops it with the JVM.
 */
final class SharedEngine {
  private SharedEngine() {}

  private static SparkStructuredStreaming engine;

  static synchronized SparkStructuredStreaming get() {
    if (engine == null) {
      engine = new SparkStructuredStreaming();
    }
    return engine;
  }
}
