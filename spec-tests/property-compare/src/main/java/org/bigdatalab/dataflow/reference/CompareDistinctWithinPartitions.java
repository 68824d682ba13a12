package org.bigdatalab.dataflow.reference;

import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * A copy of the self-test's {@code BrokenDataflowEngines.DistinctWithinPartitions} (a test class):
 * distinct removes duplicates within each partition only, without a shuffle.
 */
public final class CompareDistinctWithinPartitions extends SequentialDataflow {
  @Override public EngineInfo info() {
    return EngineInfo.builder("compare-local-distinct", Topic.DATAFLOW).kind(EngineInfo.Kind.BROKEN)
        .description("distinct without a shuffle").build();
  }

  @Override protected boolean distinctAcrossPartitions() { return false; }
}
