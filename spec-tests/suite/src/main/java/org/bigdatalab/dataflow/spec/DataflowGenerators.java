package org.bigdatalab.dataflow.spec;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.bigdatalab.spi.KeyValue;

/**
 * jqwik generators of the dataflow spec: keyed integer records with a few hot keys (so keys repeat
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
        net.jqwik.api.Tuple.of(6, Arbitraries.integers().between(0, 2)),
        net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 9)));
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

  public static Arbitrary<PipelineShape> pipelines() {
    Arbitrary<PipelineShape.Step> step = Combinators.combine(
        Arbitraries.of(PipelineShape.Kind.class), Arbitraries.integers().between(0, 4)).as(PipelineShape.Step::new);
    return step.list().ofMinSize(1).ofMaxSize(4).map(PipelineShape::new);
  }
}
