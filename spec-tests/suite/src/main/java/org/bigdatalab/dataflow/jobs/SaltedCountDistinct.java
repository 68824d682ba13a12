package org.bigdatalab.dataflow.jobs;

import java.util.Objects;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.spi.KeyValue;

/**
 * Count of distinct values per key, salted so a hot key's distinct step is spread over tasks. The
 * salt must be a function of the value (its hash mod s): then every copy of a value meets in one
 * salted group, is deduplicated there, and the per-salt counts add up exactly. A salt that is not a
 * function of the value ({@link #positionSalted}, or the seed's {@code rand()}) sends copies of one
 * value to several salts and counts it once per salt.
 */
public final class SaltedCountDistinct {
  private SaltedCountDistinct() {}

  /** Distinct values per key without salting: the result the salted version must equal. */
  public static <K, V> PairDataset<K, Long> plain(PairDataset<K, V> input) {
    return input.asDataset().distinct().mapToPair(kv -> KeyValue.of(kv.key(), 1L)).reduceByKey(Long::sum);
  }

  /** Salted by hash of the value: exact. */
  public static <K, V> PairDataset<K, Long> hashSalted(PairDataset<K, V> input, int salts) {
    PairDataset<SaltedKey<K>, V> salted = input.asDataset().mapToPair(kv ->
        KeyValue.of(new SaltedKey<>(kv.key(), Math.floorMod(Objects.hashCode(kv.value()), salts)), kv.value()));
    return countPerSaltThenSum(salted);
  }

  /** The wrong way, for the guide and the tests: salted by position, so duplicates may count twice. */
  public static <K, V> PairDataset<K, Long> positionSalted(PairDataset<K, V> input, int salts) {
    PairDataset<SaltedKey<K>, V> salted = PairDataset.of(input.asDataset().mapPartitions((p, records) -> {
      java.util.List<KeyValue<SaltedKey<K>, V>> out = new java.util.ArrayList<>();
      for (int j = 0; j < records.size(); j++) {
        out.add(KeyValue.of(new SaltedKey<>(records.get(j).key(), Math.floorMod(p + j, salts)), records.get(j).value()));
      }
      return out;
    }));
    return countPerSaltThenSum(salted);
  }

  private static <K, V> PairDataset<K, Long> countPerSaltThenSum(PairDataset<SaltedKey<K>, V> salted) {
    return salted.asDataset().distinct()
        .mapToPair(kv -> KeyValue.of(kv.key(), 1L)).reduceByKey(Long::sum)
        .asDataset().mapToPair(kv -> KeyValue.of(kv.key().key(), kv.value())).reduceByKey(Long::sum);
  }
}
