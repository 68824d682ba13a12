package org.bigdatalab.streaming.reference;

import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.StreamingJob;

/**
 * A copy of the self-test's {@code BrokenStreamingEngines.FiresInArrivalOrder} (a test class):
 * ignores the out-of-orderness bound, so windows fire on the first event past their end and the
 * events the bound admits arrive late and are dropped.
 */
public final class CompareFiresInArrivalOrder extends SequentialStreaming {
  @Override public EngineInfo info() {
    return EngineInfo.builder("compare-arrival-order", Topic.STREAMING).kind(EngineInfo.Kind.BROKEN)
        .description("watermark = largest timestamp seen").build();
  }

  @Override protected long outOfOrderness(StreamingJob<?, ?, ?> job) { return 0; }
}
