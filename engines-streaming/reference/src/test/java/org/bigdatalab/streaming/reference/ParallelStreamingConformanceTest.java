package org.bigdatalab.streaming.reference;

import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.spec.StreamingSpec;

/** Runs the whole streaming spec against {@code stream-parallel} with three shards. */
class ParallelStreamingConformanceTest extends StreamingSpec {
  @Override
  protected StreamingEngine createEngine() {
    return new ParallelStreaming(3);
  }
}
