package org.bigdatalab.dataflow.spec;

import java.util.ArrayList;
import java.util.List;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.property.Tuple;
import org.bigdatalab.spi.KeyValue;

/**
 * Zipf-skewed keyed records for the skew spec: key r (r = 1..keys) drawn with weight 1/r^1.2, so the
 * hottest key holds roughly a third of the records, as in a word or click log.
 */
public final class SkewGenerators {
  private SkewGenerators() {}

  /** Records, and the number of slices to parallelize them into. */
  public record SkewedInput(List<KeyValue<String, Long>> records, int partitions) {
    public org.bigdatalab.dataflow.PairDataset<String, Long> dataset() {
      return org.bigdatalab.dataflow.PairDataset.of(org.bigdatalab.dataflow.Dataset.of(records, partitions));
    }

    /** Records of the key with the most. */
    public long hottest() {
      return DataflowSpec.multiset(records.stream().map(KeyValue::key).toList()).values().stream()
          .mapToLong(Long::longValue).max().orElse(0);
    }
  }

  public static Arbitrary<String> zipfKey(int keys) {
    List<Tuple.Tuple2<Integer, String>> weighted = new ArrayList<>();
    for (int r = 1; r <= keys; r++) {
      weighted.add(Tuple.of((int) Math.max(1, Math.round(1000 / Math.pow(r, 1.2))), "k" + r));
    }
    return Arbitraries.frequency(weighted);
  }

  /** Values repeat often (0..values-1), so count-distinct has duplicates to remove. */
  public static Arbitrary<SkewedInput> inputs(int minSize, int maxSize, int values) {
    Arbitrary<KeyValue<String, Long>> record =
        Combinators.combine(zipfKey(20), Arbitraries.longs().between(0, values - 1)).as(KeyValue::of);
    return Combinators.combine(record.list().ofMinSize(minSize).ofMaxSize(maxSize), Arbitraries.integers().between(1, 4))
        .as(SkewedInput::new);
  }
}
