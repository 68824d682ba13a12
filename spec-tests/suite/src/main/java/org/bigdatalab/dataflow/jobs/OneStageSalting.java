package org.bigdatalab.dataflow.jobs;

import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.spi.KeyValue;

/**
 * The seed's salting, kept as the wrong way beside {@link SaltedAggregation}: it salts the key and
 * aggregates once ({@code df_salted.groupBy("salted_key").agg(sum("value"))}), so a key with records
 * under three salts comes out three times, each with a partial sum. Stripping the salt does not help
 * without a second aggregation. {@link org.bigdatalab.dataflow.SkewClauses#SALTING_SAME_RESULT}
 * catches it (shown by a test in the reference engines' module).
 */
public final class OneStageSalting {
  private OneStageSalting() {}

  public static <K> PairDataset<K, KeyStats> aggregate(PairDataset<K, Long> input, int salts, int partitions) {
    return SaltedAggregation.salt(input, salts).aggregateByKey(() -> KeyStats.EMPTY, (s, v) -> s.add(v),
        KeyStats::merge, partitions).asDataset().mapToPair(kv -> KeyValue.of(kv.key().key(), kv.value()));
  }
}
