package org.bigdatalab.dataflow.jobs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.spi.KeyValue;

/**
 * Salted (two-phase) aggregation, the right way: salt each record's key, aggregate per salted key
 * (so a hot key's records are spread over {@code salts} tasks), strip the salt, and aggregate again
 * per key. Correct for count, sum, min, max and avg because {@link KeyStats} merge exactly.
 *
 * <pre>{@code
 * plain:    (a,1) (a,2) (a,3) (b,4)                    -> a: count 3 sum 6, b: count 1 sum 4
 * salted:   (a#0,1) (a#1,2) (a#0,3) (b#0,4)
 * partial:  a#0: count 2 sum 4, a#1: count 1 sum 2, b#0: count 1 sum 4
 * final:    a: count 3 sum 6, b: count 1 sum 4         (the same)
 * }</pre>
 *
 * Compare {@link OneStageSalting}, the seed's version, which stops after "partial".
 */
public final class SaltedAggregation {
  private SaltedAggregation() {}

  /** The plain aggregation the salted one must equal. */
  public static <K> PairDataset<K, KeyStats> plain(PairDataset<K, Long> input) {
    return input.stats(v -> v);
  }

  /** All phases: salt, partial aggregate into {@code partitions}, strip the salt, final aggregate. */
  public static <K> PairDataset<K, KeyStats> twoPhase(PairDataset<K, Long> input, int salts, int partitions) {
    PairDataset<SaltedKey<K>, KeyStats> partial = salt(input, salts).stats(v -> v);
    PairDataset<K, KeyStats> stripped = partial.asDataset()
        .mapToPair(kv -> KeyValue.of(kv.key().key(), kv.value()));
    return stripped.reduceByKey(KeyStats::merge, partitions);
  }

  /**
   * Salts deterministically: in partition p, the j-th record of a key gets salt (p + j) mod s. Each
   * partition spreads each key evenly over the salts, so a key with h records gets at most
   * ceil(h/s) + P records per salt over P input partitions (random salts promise this only on average).
   */
  public static <K> PairDataset<SaltedKey<K>, Long> salt(PairDataset<K, Long> input, int salts) {
    if (salts < 1) {
      throw new IllegalArgumentException("salts must be at least 1, got " + salts);
    }
    return PairDataset.of(input.asDataset().mapPartitions((partition, records) -> {
      Map<K, Integer> seen = new HashMap<>();
      List<KeyValue<SaltedKey<K>, Long>> out = new ArrayList<>(records.size());
      for (KeyValue<K, Long> kv : records) {
        int j = seen.merge(kv.key(), 1, Integer::sum) - 1;
        out.add(KeyValue.of(new SaltedKey<>(kv.key(), Math.floorMod(partition + j, salts)), kv.value()));
      }
      return out;
    }));
  }
}
