package org.bigdatalab.dataflow.spec;

import java.util.List;
import org.bigdatalab.property.Arbitraries;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Combinators;
import org.bigdatalab.spi.KeyValue;

/**
 * Generators of the dataflow spec: keyed integer records with a few hot keys (so keys repeat
 * within partitions and map-side combining matters), partition counts, and pipelines.
 */
public final class DataflowGenerators {
  private DataflowGenerators() {}

  /** Input records and the number of slices to parallelize them into. */
  public record Input(List<KeyValue<Integer, Integer>> records, int partitions) {
    public org.bigdatalab.dataflow.Dataset<KeyValue<Integer, Integer>> dataset() {
      return org.bigdatalab.dataflow.Dataset.of(records, partitions);
    }
  }

  /** Keys 0..9, low keys more often; values in [-50, 50]. */
  public static Arbitrary<KeyValue<Integer, Integer>> record() {
    Arbitrary<Integer> keys = Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(6, Arbitraries.integers().between(0, 2)),
        org.bigdatalab.property.Tuple.of(3, Arbitraries.integers().between(0, 9)));
    return Combinators.combine(keys, Arbitraries.integers().between(-50, 50)).as(KeyValue::of);
  }

  public static Arbitrary<Input> inputs() {
    return Combinators.combine(record().list().ofMaxSize(40), Arbitraries.integers().between(1, 5)).as(Input::new);
  }

  /** Keys 0..3 and values 0..2, so equal records turn up in several partitions. */
  public static Arbitrary<Input> inputsWithDuplicates() {
    Arbitrary<KeyValue<Integer, Integer>> record = Combinators.combine(
        Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 2)).as(KeyValue::of);
    return Combinators.combine(record.list().ofMaxSize(30), Arbitraries.integers().between(2, 5)).as(Input::new);
  }

  /** Records for {@code PairDataset.ofIntLongColumns}, kept as a list so a failing case shrinks record by record. */
  public record Columns(List<KeyValue<Integer, Long>> records, int partitions) {
    public org.bigdatalab.dataflow.PairDataset<Integer, Long> columnar() {
      int[] keys = records.stream().mapToInt(KeyValue::key).toArray();
      long[] values = records.stream().mapToLong(KeyValue::value).toArray();
      return org.bigdatalab.dataflow.PairDataset.ofIntLongColumns(keys, values, partitions);
    }

    /** The same records parallelized into the same slices. */
    public org.bigdatalab.dataflow.PairDataset<Integer, Long> boxed() {
      return org.bigdatalab.dataflow.PairDataset.of(org.bigdatalab.dataflow.Dataset.of(records, partitions));
    }
  }

  /**
   * Up to 40 records in 1..8 slices (so empty slices, and more slices than records, are common). Keys: a few
   * small ones that repeat, 0, -1 and the int extremes, and any int; values within +-2^40, so no sum of 40
   * overflows and a wrapping bug cannot hide behind one that does.
   */
  public static Arbitrary<Columns> columns() {
    Arbitrary<Integer> keys = Arbitraries.frequencyOf(
        org.bigdatalab.property.Tuple.of(6, Arbitraries.integers().between(-3, 3)),
        org.bigdatalab.property.Tuple.of(2, Arbitraries.of(Integer.MIN_VALUE, -1, 0, Integer.MAX_VALUE)),
        org.bigdatalab.property.Tuple.of(2, Arbitraries.integers()));
    Arbitrary<KeyValue<Integer, Long>> record =
        Combinators.combine(keys, Arbitraries.longs().between(-(1L << 40), 1L << 40)).as(KeyValue::of);
    return Combinators.combine(record.list().ofMaxSize(40), Arbitraries.integers().between(1, 8)).as(Columns::new);
  }

  public static Arbitrary<PipelineShape> pipelines() {
    Arbitrary<PipelineShape.Step> step = Combinators.combine(
        Arbitraries.of(PipelineShape.Kind.class), Arbitraries.integers().between(0, 4)).as(PipelineShape.Step::new);
    return step.list().ofMinSize(1).ofMaxSize(4).map(PipelineShape::new);
  }
}
