package org.bigdatalab.streaming.flink;

import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.StreamingSpec;

/** Runs the streaming spec against {@code flink}; its declared gaps show as skipped with the reason. */
class FlinkStreamingConformanceTest extends StreamingSpec {
  @Override
  protected StreamingEngine createEngine() {
    return new FlinkStreaming();
  }
}
