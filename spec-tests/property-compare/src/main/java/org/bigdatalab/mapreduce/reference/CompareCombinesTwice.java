package org.bigdatalab.mapreduce.reference;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.mapreduce.Counters;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Topic;

/**
 * A copy of the self-test's {@code BrokenMapReduceEngines.CombinesTwice} (a test class, so not on
 * this module's path): feeds each task's records to the combiner twice and keeps both outputs.
 */
public final class CompareCombinesTwice extends SequentialMapReduce {
  @Override public EngineInfo info() {
    return EngineInfo.builder("compare-combines-twice", Topic.MAPREDUCE).kind(EngineInfo.Kind.BROKEN)
        .description("runs the combiner twice on the same records").build();
  }

  @Override protected <KM, VM> List<KeyValue<KM, VM>> combine(MapReduceJob<KM, VM, ?, ?> job,
      List<KeyValue<KM, VM>> records, Task task, Counters.Accumulator counters) throws Exception {
    List<KeyValue<KM, VM>> twice = new ArrayList<>(super.combine(job, new ArrayList<>(records), task, counters));
    twice.addAll(super.combine(job, records, task, counters));
    return twice;
  }
}
