package org.bigdatalab.streaming.spark;

import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.StreamingSpec;

/** Runs the streaming spec against {@code spark-streaming}; its declared gaps show as skipped with the reason. */
class SparkStructuredStreamingConformanceTest extends StreamingSpec {
  @Override
  protected StreamingEngine createEngine() {
    return SharedEngine.get();
  }

  @Override
  protected boolean ownsEngine() {
    return false;
  }
}
