package org.bigdatalab.dataflow.jobs;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.dataflow.HashPartitioning;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.SkewJoinPolicy;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;

/**
 * Two ways to join a skewed large side: let the engine split skewed partitions (Spark AQE's skew
 * join, {@link PairDataset#skewJoin}), or salt by hand: the large side's key gets a salt, the small
 * side is copied once per salt, and the salted keys join. Also the arithmetic a test or benchmark
 * needs to know which partitions a policy calls skewed.
 */
public final class SkewJoins {
  private SkewJoins() {}

  /** Streamed (left) records per join partition, by the pinned hash partitioning. */
  public static <K> long[] partitionSizes(List<K> leftKeys, int partitions) {
    long[] sizes = new long[partitions];
    leftKeys.forEach(k -> sizes[HashPartitioning.partition(k, partitions)]++);
    return sizes;
  }

  /** The median of the partition sizes (mean of the middle two for an even count), as AQE takes it. */
  public static double median(long[] sizes) {
    long[] sorted = sizes.clone();
    java.util.Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }

  /** Whether any partition is skewed under the policy. */
  public static boolean anySkewed(long[] sizes, SkewJoinPolicy policy) {
    double median = median(sizes);
    return java.util.Arrays.stream(sizes).anyMatch(s -> policy.isSkewed(s, median));
  }

  /** A join by hand-salting: the large side spread over {@code salts}, the small side copied to each. */
  public static <K, V, W> PairDataset<K, Pair<V, W>> saltedJoin(PairDataset<K, V> large, PairDataset<K, W> small,
      int salts, int partitions) {
    PairDataset<SaltedKey<K>, V> saltedLarge = PairDataset.of(large.asDataset().mapPartitions((p, records) -> {
      List<KeyValue<SaltedKey<K>, V>> out = new ArrayList<>(records.size());
      for (int j = 0; j < records.size(); j++) {
        out.add(KeyValue.of(new SaltedKey<>(records.get(j).key(), Math.floorMod(p + j, salts)), records.get(j).value()));
      }
      return out;
    }));
    PairDataset<SaltedKey<K>, W> copiedSmall = PairDataset.of(small.asDataset().flatMap(kv -> {
      List<KeyValue<SaltedKey<K>, W>> copies = new ArrayList<>(salts);
      for (int s = 0; s < salts; s++) {
        copies.add(KeyValue.of(new SaltedKey<>(kv.key(), s), kv.value()));
      }
      return copies;
    }));
    return saltedLarge.join(copiedSmall, org.bigdatalab.dataflow.Plan.JoinType.INNER,
            org.bigdatalab.dataflow.Plan.JoinStrategy.SHUFFLE, partitions, null)
        .asDataset().mapToPair(kv -> KeyValue.of(kv.key().key(), kv.value()));
  }
}
