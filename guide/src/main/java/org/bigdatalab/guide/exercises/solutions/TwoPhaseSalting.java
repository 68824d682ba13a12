package org.bigdatalab.guide.exercises.solutions;

import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.jobs.SaltedAggregation;
import org.bigdatalab.dataflow.jobs.SaltedKey;
import org.bigdatalab.dataflow.spec.SkewSpec;
import org.bigdatalab.spi.KeyValue;

/** Answer to {@code salting}: strip the salt, then merge the partial stats of each key in a second shuffle. */
public class TwoPhaseSalting implements SkewSpec.SaltingJob {

  @Override
  public PairDataset<String, KeyStats> aggregate(PairDataset<String, Long> input, int salts, int partitions) {
    PairDataset<SaltedKey<String>, KeyStats> partial = SaltedAggregation.salt(input, salts).stats(v -> v);
    return partial.asDataset()
        .mapToPair(kv -> KeyValue.of(kv.key().key(), kv.value()))
        .reduceByKey(KeyStats::merge, partitions);
  }
}
