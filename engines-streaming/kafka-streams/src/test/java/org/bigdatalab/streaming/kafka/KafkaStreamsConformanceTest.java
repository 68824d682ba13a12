package org.bigdatalab.streaming.kafka;

import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.StreamingSpec;

/** Runs the streaming spec against {@code kafka-streams}; its declared gaps show as skipped with the reason. */
class KafkaStreamsConformanceTest extends StreamingSpec {
  @Override
  protected StreamingEngine createEngine() {
    return new KafkaStreamsEngine();
  }
}
