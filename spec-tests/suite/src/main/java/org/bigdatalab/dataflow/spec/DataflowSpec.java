package org.bigdatalab.dataflow.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.bigdatalab.dataflow.DataflowClauses.CACHE;
import static org.bigdatalab.dataflow.DataflowClauses.FAILURE;
import static org.bigdatalab.dataflow.DataflowClauses.JOIN;
import static org.bigdatalab.dataflow.DataflowClauses.LAZY;
import static org.bigdatalab.dataflow.DataflowClauses.PARTITIONS;
import static org.bigdatalab.dataflow.DataflowClauses.REDUCE_VS_GROUP;
import static org.bigdatalab.dataflow.DataflowClauses.RESULT_EQUALS_ORACLE;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.property.Arbitrary;
import org.bigdatalab.property.Assume;
import org.bigdatalab.property.Example;
import org.bigdatalab.property.ForAll;
import org.bigdatalab.property.Property;
import org.bigdatalab.property.Provide;
import org.bigdatalab.property.IntRange;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.DataflowFailedException;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.LongAggregate;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.spec.DataflowGenerators.Columns;
import org.bigdatalab.dataflow.spec.DataflowGenerators.Input;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;

/**
 * The dataflow spec: one check (or a few) per clause of {@link org.bigdatalab.dataflow.DataflowClauses},
 * comparing the engine with {@link DataflowOracle} on generated inputs and pipelines, or reading the
 * action's metrics.
 *
 * <p>What passing does not prove: fault tolerance (lineage recomputation after a lost executor),
 * behaviour across machines, or speed. Metrics are compared only where the SPI pins them
 * (records shuffled, records per task), never times.
 */
public abstract class DataflowSpec extends ConformanceSuite<DataflowEngine> {

  /** The suite for an engine lent by {@link org.bigdatalab.suite.matrix.ConformanceRunner}. */
  public static class Selected extends DataflowSpec {
    @Override protected DataflowEngine createEngine() { return (DataflowEngine) EngineUnderTest.current(); }
    @Override protected boolean ownsEngine() { return false; }
  }

  @Provide Arbitrary<Input> inputs() { return DataflowGenerators.inputs(); }
  @Provide Arbitrary<PipelineShape> pipelines() { return DataflowGenerators.pipelines(); }

  // 1 ------------------------------------------------------------------------------------------

  /** Building a pipeline runs nothing; one count runs the map once per record, a second count once more. */
  @Property
  @Verifies(LAZY)
  void required_dataflow_lazy(@ForAll("inputs") Input input) throws Exception {
    String probe = Probes.create();
    try {
      Dataset<KeyValue<Integer, Integer>> mapped = input.dataset().map(kv -> {
        Probes.hit(probe);
        return KeyValue.of(kv.key(), kv.value() + 1);
      });
      PairDataset<Integer, Integer> summed = PairDataset.of(mapped.filter(kv -> kv.value() > 0)).reduceByKey(Integer::sum);
      assertThat(Probes.count(probe)).as("map calls before any action (%s)", summed).isZero();
      engine().count(mapped.filter(kv -> kv.value() > 0));
      assertThat(Probes.count(probe)).as("map calls after one count").isEqualTo(input.records().size());
      engine().count(mapped);
      assertThat(Probes.count(probe)).as("map calls after two counts").isEqualTo(2L * input.records().size());
    } finally {
      Probes.remove(probe);
    }
  }

  // 2 ------------------------------------------------------------------------------------------

  /** Every generated pipeline collects the oracle's records: in the oracle's order where the pipeline promises one. */
  @Property
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_dataflow_result_equals_oracle(@ForAll("inputs") Input input, @ForAll("pipelines") PipelineShape shape)
      throws Exception {
    Dataset<KeyValue<Integer, Integer>> ds = shape.apply(input.dataset());
    List<Object> expected = DataflowOracle.collect(ds.plan());
    List<KeyValue<Integer, Integer>> actual = engine().collect(ds);
    if (shape.ordered()) {
      assertThat(actual).as("records of %s, in order", shape).containsExactlyElementsOf(cast(expected));
    } else {
      assertThat(actual).as("records of %s", shape).containsExactlyInAnyOrderElementsOf(cast(expected));
    }
  }

  @Provide Arbitrary<Input> duplicates() { return DataflowGenerators.inputsWithDuplicates(); }

  /** Each operation alone, on records that repeat across partitions, collects the oracle's records. */
  @Property
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_dataflow_result_equals_oracle_eachOperation(@ForAll("duplicates") Input input,
      @ForAll @IntRange(min = 0, max = 4) int partitions) throws Exception {
    for (PipelineShape.Kind kind : PipelineShape.Kind.values()) {
      PipelineShape shape = new PipelineShape(List.of(new PipelineShape.Step(kind, partitions)));
      Dataset<KeyValue<Integer, Integer>> ds = shape.apply(input.dataset());
      List<KeyValue<Integer, Integer>> expected = cast(DataflowOracle.collect(ds.plan()));
      if (shape.ordered()) {
        assertThat(engine().collect(ds)).as("records of %s, in order", shape).containsExactlyElementsOf(expected);
      } else {
        assertThat(engine().collect(ds)).as("records of %s", shape).containsExactlyInAnyOrderElementsOf(expected);
      }
    }
  }

  /** count, reduce and take agree with the oracle's records on every generated pipeline. */
  @Property
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_dataflow_result_equals_oracle_actions(@ForAll("inputs") Input input,
      @ForAll("pipelines") PipelineShape shape, @ForAll @IntRange(min = 0, max = 8) int n) throws Exception {
    Dataset<KeyValue<Integer, Integer>> ds = shape.apply(input.dataset());
    List<KeyValue<Integer, Integer>> expected = cast(DataflowOracle.collect(ds.plan()));
    assertThat(engine().count(ds)).as("count of %s", shape).isEqualTo(expected.size());
    assertThat(engine().reduce(ds.map(KeyValue::value), Integer::sum)).as("reduce of %s", shape)
        .isEqualTo(expected.stream().map(KeyValue::value).reduce(Integer::sum));
    List<KeyValue<Integer, Integer>> taken = engine().take(ds, n);
    if (shape.ordered()) {
      assertThat(taken).as("take(%d) of %s", n, shape).containsExactlyElementsOf(expected.subList(0, Math.min(n, expected.size())));
    } else {
      assertThat(taken).as("take(%d) of %s", n, shape).hasSize(Math.min(n, expected.size()));
      multiset(taken).forEach((r, c) -> assertThat(multiset(expected).getOrDefault(r, 0L))
          .as("copies of %s in the records, taken %d", r, c).isGreaterThanOrEqualTo(c));
    }
  }

  /** The seed's word count, pinned: text file, flatMap, mapToPair, reduceByKey. */
  @Example
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_dataflow_result_equals_oracle_wordCount() throws Exception {
    Path dir = Files.createTempDirectory("dataflow-spec");
    try {
      Path text = Files.writeString(dir.resolve("text.txt"), "the cat sat\nthe cat\n\nhat\n");
      Dataset<KeyValue<String, Long>> counts = Dataset.textFile(List.of(text), 2)
          .flatMap(line -> List.of(line.split(" ")).stream().filter(w -> !w.isEmpty()).toList())
          .mapToPair(w -> KeyValue.of(w, 1L)).reduceByKey(Long::sum).asDataset();
      assertThat(engine().collect(counts)).containsExactlyInAnyOrder(
          KeyValue.of("the", 2L), KeyValue.of("cat", 2L), KeyValue.of("sat", 1L), KeyValue.of("hat", 1L));
    } finally {
      Workspaces.delete(dir);
    }
  }

  @Provide Arbitrary<Columns> columns() { return DataflowGenerators.columns(); }

  /**
   * A declared long aggregate, over int/long columns or over records, collects what the reduceByKey it
   * declares collects on the oracle over the same records boxed. If this fails with columns only, check
   * the engine's primitive path (its map-side tables, their split by hash, the merge of every map task's).
   */
  @Property
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_dataflow_result_equals_oracle_declaredAggregates(@ForAll("columns") Columns input,
      @ForAll LongAggregate aggregate, @ForAll @IntRange(min = 0, max = 5) int partitions, @ForAll boolean columnar)
      throws Exception {
    PairDataset<Integer, Long> source = columnar ? input.columnar() : input.boxed();
    Dataset<KeyValue<Integer, Long>> declared = source.aggregateLongsByKey(aggregate, partitions).asDataset();
    List<Object> expected = DataflowOracle.collect(spelledOut(input.boxed(), aggregate, partitions).plan());
    assertThat(engine().collect(declared)).as("%s(%d) over %s", aggregate.operation(), partitions,
        columnar ? "columns" : "records").containsExactlyInAnyOrderElementsOf(cast(expected));
  }

  /** The reduceByKey a declared aggregate stands for, written with the JDK's own functions. */
  private static PairDataset<Integer, Long> spelledOut(PairDataset<Integer, Long> records, LongAggregate aggregate, int n) {
    return switch (aggregate) {
      case SUM -> records.reduceByKey(Long::sum, n);
      case COUNT -> records.mapValues(v -> 1L).reduceByKey(Long::sum, n);
      case MIN -> records.reduceByKey(Math::min, n);
      case MAX -> records.reduceByKey(Math::max, n);
    };
  }

  /** Columns are records: the same partitions as the records parallelized, and every generated pipeline agrees. */
  @Property
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_dataflow_result_equals_oracle_columnsAreRecords(@ForAll("columns") Columns input,
      @ForAll("pipelines") PipelineShape shape) throws Exception {
    assertThat(engine().collectPartitions(input.columnar().asDataset())).as("partitions of the columns")
        .containsExactlyElementsOf(cast(DataflowOracle.partitions(input.boxed().plan())));
    Dataset<KeyValue<Integer, Integer>> ds = shape.apply(input.columnar().asDataset()
        .map(kv -> KeyValue.of(kv.key(), (int) (kv.value() % 100))));
    List<Object> expected = DataflowOracle.collect(shape.apply(input.boxed().asDataset()
        .map(kv -> KeyValue.of(kv.key(), (int) (kv.value() % 100)))).plan());
    if (shape.ordered()) {
      assertThat(engine().collect(ds)).as("records of %s over columns, in order", shape).containsExactlyElementsOf(cast(expected));
    } else {
      assertThat(engine().collect(ds)).as("records of %s over columns", shape).containsExactlyInAnyOrderElementsOf(cast(expected));
    }
  }

  /**
   * Pinned: a declared sum over columns whose two slices each hold a key the other lacks, zero and the int
   * extremes as keys; and one record in four slices, three of them empty.
   */
  @Example
  @Verifies(RESULT_EQUALS_ORACLE)
  void required_dataflow_result_equals_oracle_declaredSumOverColumns() throws Exception {
    PairDataset<Integer, Long> columns = PairDataset.ofIntLongColumns(
        new int[] {Integer.MIN_VALUE, 0, -1, 0, Integer.MAX_VALUE}, new long[] {5, 1, -2, 3, 7}, 2);
    assertThat(engine().collect(columns.sumLongsByKey(3).asDataset())).as("sums over two slices").containsExactlyInAnyOrder(
        KeyValue.of(Integer.MIN_VALUE, 5L), KeyValue.of(0, 4L), KeyValue.of(-1, -2L), KeyValue.of(Integer.MAX_VALUE, 7L));
    PairDataset<Integer, Long> one = PairDataset.ofIntLongColumns(new int[] {7}, new long[] {1}, 4);
    assertThat(engine().collect(one.sumLongsByKey(0).asDataset())).as("one record in four slices")
        .containsExactly(KeyValue.of(7, 1L));
  }

  // 3 ------------------------------------------------------------------------------------------

  /** repartition(n) gives n partitions holding the same records. */
  @Property
  @Verifies(PARTITIONS)
  void required_dataflow_partitions_repartition(@ForAll("inputs") Input input, @ForAll @IntRange(min = 1, max = 7) int n)
      throws Exception {
    List<List<KeyValue<Integer, Integer>>> parts = engine().collectPartitions(input.dataset().repartition(n));
    assertThat(parts).as("partitions after repartition(%d)", n).hasSize(n);
    assertThat(flatten(parts)).containsExactlyInAnyOrderElementsOf(input.records());
  }

  /** coalesce(n) gives min(n, current) partitions, keeps the records in order, and shuffles nothing. */
  @Property
  @Verifies(PARTITIONS)
  void required_dataflow_partitions_coalesce_never_shuffles(@ForAll("inputs") Input input,
      @ForAll @IntRange(min = 1, max = 7) int n) throws Exception {
    ActionResult<List<List<KeyValue<Integer, Integer>>>> run =
        engine().execute(Action.collectPartitions(input.dataset().coalesce(n)));
    assertThat(run.value()).as("partitions after coalesce(%d) of %d", n, input.partitions())
        .hasSize(Math.min(n, input.partitions()));
    assertThat(flatten(run.value())).as("records after coalesce").containsExactlyElementsOf(input.records());
    assertThat(run.metrics().shuffledRecords()).as("records shuffled by coalesce:%n%s", run.metrics()).isZero();
  }

  /** repartition(n, key) puts all records of a key into one partition. */
  @Property
  @Verifies(PARTITIONS)
  void required_dataflow_partitions_by_key_colocates(@ForAll("inputs") Input input,
      @ForAll @IntRange(min = 1, max = 7) int n) throws Exception {
    List<List<KeyValue<Integer, Integer>>> parts = engine().collectPartitions(input.dataset().repartition(n, KeyValue::key));
    assertThat(parts).hasSize(n);
    Map<Integer, Integer> home = new HashMap<>();
    for (int p = 0; p < parts.size(); p++) {
      for (KeyValue<Integer, Integer> kv : parts.get(p)) {
        assertThat(home.putIfAbsent(kv.key(), p)).as("partitions of key %s", kv.key()).isIn(null, p);
      }
    }
    assertThat(flatten(parts)).containsExactlyInAnyOrderElementsOf(input.records());
  }

  // 4 ------------------------------------------------------------------------------------------

  /**
   * reduceByKey and groupByKey + sum agree; reduceByKey shuffles at most one record per key per input
   * partition, groupByKey every record.
   */
  @Property
  @Verifies(REDUCE_VS_GROUP)
  void required_dataflow_reduce_vs_group(@ForAll("inputs") Input input, @ForAll @IntRange(min = 0, max = 4) int n)
      throws Exception {
    PairDataset<Integer, Integer> pairs = PairDataset.of(input.dataset());
    ActionResult<List<KeyValue<Integer, Integer>>> reduced =
        engine().execute(Action.collect(pairs.reduceByKey(Integer::sum, n).asDataset()));
    ActionResult<List<KeyValue<Integer, Integer>>> grouped = engine().execute(Action.collect(
        pairs.groupByKey(n).mapValues(vs -> vs.stream().mapToInt(Integer::intValue).sum()).asDataset()));
    assertThat(reduced.value()).as("reduceByKey vs groupByKey + sum").containsExactlyInAnyOrderElementsOf(grouped.value());
    long keysPerSlice = 0;
    for (List<Object> slice : DataflowOracle.slice(new ArrayList<>(input.records()), input.partitions())) {
      keysPerSlice += slice.stream().map(r -> ((KeyValue<?, ?>) r).key()).distinct().count();
    }
    assertThat(reduced.metrics().shuffledRecords()).as("records reduceByKey shuffled (keys per input partition %d):%n%s",
        keysPerSlice, reduced.metrics()).isLessThanOrEqualTo(keysPerSlice);
    assertThat(grouped.metrics().shuffledRecords()).as("records groupByKey shuffled:%n%s", grouped.metrics())
        .isEqualTo(input.records().size());
  }

  // 5 ------------------------------------------------------------------------------------------

  @Provide Arbitrary<Input> rightSides() {
    return DataflowGenerators.record().list().ofMaxSize(12)
        .flatMap(rs -> org.bigdatalab.property.Arbitraries.integers().between(1, 3).map(p -> new Input(rs, p)));
  }

  /** Inner, left outer and broadcast joins give the oracle's pairs. */
  @Property
  @Verifies(JOIN)
  void required_dataflow_join(@ForAll("inputs") Input left, @ForAll("rightSides") Input right,
      @ForAll @IntRange(min = 0, max = 4) int n) throws Exception {
    PairDataset<Integer, Integer> l = PairDataset.of(left.dataset());
    PairDataset<Integer, Integer> r = PairDataset.of(right.dataset());
    for (var type : org.bigdatalab.dataflow.Plan.JoinType.values()) {
      for (var strategy : org.bigdatalab.dataflow.Plan.JoinStrategy.values()) {
        if (type == org.bigdatalab.dataflow.Plan.JoinType.LEFT_OUTER && strategy == org.bigdatalab.dataflow.Plan.JoinStrategy.BROADCAST) {
          continue;
        }
        Dataset<KeyValue<Integer, Pair<Integer, Integer>>> joined = l.join(r, type, strategy, n, null).asDataset();
        assertThat(engine().collect(joined)).as("%s %s join", type, strategy)
            .containsExactlyInAnyOrderElementsOf(cast(DataflowOracle.collect(joined.plan())));
      }
    }
  }

  /** A broadcast join shuffles nothing: the large side stays where it is. */
  @Property
  @Verifies(JOIN)
  void required_dataflow_join_broadcast_never_shuffles(@ForAll("inputs") Input large, @ForAll("rightSides") Input small)
      throws Exception {
    Dataset<KeyValue<Integer, Pair<Integer, Integer>>> joined =
        PairDataset.of(large.dataset()).broadcastJoin(PairDataset.of(small.dataset())).asDataset();
    ActionResult<Long> run = engine().execute(Action.count(joined));
    assertThat(run.value()).isEqualTo(DataflowOracle.collect(joined.plan()).size());
    assertThat(run.metrics().shuffledRecords()).as("records shuffled by a broadcast join:%n%s", run.metrics()).isZero();
  }

  /** A key on the left only appears in a left outer join with a null right value, and not in an inner join. */
  @Example
  @Verifies(JOIN)
  void required_dataflow_join_absent_sides() throws Exception {
    PairDataset<String, Integer> left = PairDataset.of(Dataset.of(List.of(KeyValue.of("a", 1), KeyValue.of("b", 2)), 2));
    PairDataset<String, String> right = PairDataset.of(Dataset.of(List.of(KeyValue.of("a", "x"), KeyValue.of("c", "z")), 1));
    assertThat(engine().collect(left.join(right).asDataset())).containsExactly(KeyValue.of("a", Pair.of(1, "x")));
    assertThat(engine().collect(left.leftOuterJoin(right).asDataset()))
        .containsExactlyInAnyOrder(KeyValue.of("a", Pair.of(1, "x")), KeyValue.of("b", Pair.of(2, null)));
  }

  // 6 ------------------------------------------------------------------------------------------

  /** A cached dataset used by three actions runs its map once per record in all. */
  @Property
  @Verifies(CACHE)
  void required_dataflow_cache(@ForAll("inputs") Input input) throws Exception {
    String probe = Probes.create();
    try {
      Dataset<KeyValue<Integer, Integer>> cached = input.dataset().map(kv -> {
        Probes.hit(probe);
        return KeyValue.of(kv.key(), kv.value() * 2);
      }).cache();
      long count = engine().count(cached);
      List<KeyValue<Integer, Integer>> all = engine().collect(cached);
      List<KeyValue<Integer, Integer>> summed = engine().collect(PairDataset.of(cached).reduceByKey(Integer::sum).asDataset());
      assertThat(Probes.count(probe)).as("map calls over three actions on a cached dataset").isEqualTo(input.records().size());
      assertThat(count).isEqualTo(input.records().size());
      assertThat(all).containsExactlyElementsOf(cast(DataflowOracle.collect(cached.plan())));
      assertThat(summed).containsExactlyInAnyOrderElementsOf(
          cast(DataflowOracle.collect(PairDataset.of(cached).reduceByKey(Integer::sum).plan())));
    } finally {
      Probes.remove(probe);
    }
  }

  // 7 ------------------------------------------------------------------------------------------

  /** A function that throws on one record fails the action with that exception and names stage and partition. */
  @Property
  @Verifies(FAILURE)
  void required_dataflow_failure_names_stage_and_partition(@ForAll("inputs") Input input, @ForAll boolean afterShuffle)
      throws Exception {
    Assume.that(!input.records().isEmpty());
    int poison = input.records().get(input.records().size() / 2).key();
    Poison poisoned = new Poison(poison);
    PairDataset<Integer, Integer> pairs = PairDataset.of(input.dataset());
    Dataset<KeyValue<Integer, Integer>> failing = afterShuffle
        ? pairs.reduceByKey(Integer::sum).asDataset().map(poisoned::apply)
        : input.dataset().map(poisoned::apply);
    Throwable thrown = catchThrowable(() -> engine().collect(failing));
    assertThat(thrown).as("collect of a throwing map").isInstanceOf(DataflowFailedException.class);
    assertThat(thrown.getMessage()).as("message").containsPattern("stage \\d+").containsPattern("partition \\d+");
    assertThat(thrown).hasRootCauseInstanceOf(IllegalStateException.class).hasRootCauseMessage("poisoned key " + poison);
  }

  /** A save whose function throws leaves no output directory; a save that succeeds leaves every partition and _SUCCESS. */
  @Property
  @Verifies(FAILURE)
  void required_dataflow_failure_save_leaves_nothing(@ForAll("inputs") Input input) throws Exception {
    Path dir = Files.createTempDirectory("dataflow-spec");
    try {
      Path ok = dir.resolve("ok");
      assertThat(engine().save(input.dataset(), ok)).isEqualTo(input.records().size());
      assertThat(Workspaces.partFiles(ok)).hasSize(input.partitions());
      assertThat(ok.resolve("_SUCCESS")).exists();
      assertThat(Workspaces.lines(ok)).containsExactlyInAnyOrderElementsOf(
          input.records().stream().map(String::valueOf).toList());
      Assume.that(!input.records().isEmpty());
      Poison poisoned = new Poison(input.records().get(input.records().size() - 1).key());
      Path failed = dir.resolve("failed");
      assertThat(catchThrowable(() -> engine().save(input.dataset().map(poisoned::apply), failed)))
          .isInstanceOf(DataflowFailedException.class);
      assertThat(failed).as("output directory of a failed save").doesNotExist();
    } finally {
      Workspaces.delete(dir);
    }
  }

  /** A map that throws on one key; serializable, so real engines can ship it. */
  private record Poison(int poison) implements java.io.Serializable {
    KeyValue<Integer, Integer> apply(KeyValue<Integer, Integer> kv) {
      if (kv.key() == poison) {
        throw new IllegalStateException("poisoned key " + poison);
      }
      return kv;
    }
  }

  @SuppressWarnings("unchecked")
  static <T> List<T> cast(List<?> records) { return (List<T>) records; }

  static <T> List<T> flatten(List<List<T>> parts) {
    List<T> all = new ArrayList<>();
    parts.forEach(all::addAll);
    return all;
  }

  static <T> Map<T, Long> multiset(List<T> records) {
    Map<T, Long> counts = new HashMap<>();
    records.forEach(r -> counts.merge(r, 1L, Long::sum));
    return counts;
  }
}
