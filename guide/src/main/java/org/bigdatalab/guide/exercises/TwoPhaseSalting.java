package org.bigdatalab.guide.exercises;

import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.jobs.SaltedAggregation;
import org.bigdatalab.dataflow.jobs.SaltedKey;
import org.bigdatalab.dataflow.spec.SkewSpec;
import org.bigdatalab.spi.KeyValue;

/**
 * Exercise {@code salting} (chapter 5): finish a salted aggregation. Check it with
 * {@code ./lab exercise salting}; the answer is in {@code exercises.solutions}.
 */
public class TwoPhaseSalting implements SkewSpec.SaltingJob {

  @Override
  public PairDataset<String, KeyStats> aggregate(PairDataset<String, Long> input, int salts, int partitions) {
    // Phase one, given: spread each key over `salts` salted keys and aggregate per salted key.
    PairDataset<SaltedKey<String>, KeyStats> partial = SaltedAggregation.salt(input, salts).stats(v -> v);
    // TODO: phase two. Stripping the salt leaves up to `salts` partial results per key; the
    // result must hold each key once, with the same count, sum, min and max as without salting.
    return partial.asDataset().mapToPair(kv -> KeyValue.of(kv.key().key(), kv.value()));
  }
}
