package org.bigdatalab.dataflow.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.dataflow.SkewClauses.DISTINCT_HASH_SALT;
import static org.bigdatalab.dataflow.SkewClauses.JOIN_SPLIT;
import static org.bigdatalab.dataflow.SkewClauses.SALTING_LOAD_BOUND;
import static org.bigdatalab.dataflow.SkewClauses.SALTING_SAME_RESULT;

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
import org.bigdatalab.dataflow.Action;
import org.bigdatalab.dataflow.ActionResult;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.SkewJoinPolicy;
import org.bigdatalab.dataflow.StageMetrics;
import org.bigdatalab.dataflow.jobs.OneStageSalting;
import org.bigdatalab.dataflow.jobs.SaltedAggregation;
import org.bigdatalab.dataflow.jobs.SaltedCountDistinct;
import org.bigdatalab.dataflow.jobs.SaltedKey;
import org.bigdatalab.dataflow.jobs.SkewJoins;
import org.bigdatalab.dataflow.spec.SkewGenerators.SkewedInput;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Pair;
import org.bigdatalab.suite.ConformanceSuite;
import org.bigdatalab.suite.EngineUnderTest;
import org.bigdatalab.suite.Verifies;

/**
 * The skew spec: the clauses of {@link org.bigdatalab.dataflow.SkewClauses}, run on dataflow
 * engines with the skew jobs of {@code org.bigdatalab.dataflow.jobs} on Zipf-skewed keys.
 *
 * <p>What passing does not prove: that salting makes a job faster (that is a benchmark's question;
 * it costs a second shuffle), or anything about skew in bytes rather than records.
 */
public abstract class SkewSpec extends ConformanceSuite<DataflowEngine> {

  /** The suite for an engine lent by {@link org.bigdatalab.suite.matrix.ConformanceRunner}. */
  public static class Selected extends SkewSpec {
    @Override protected DataflowEngine createEngine() { return (DataflowEngine) EngineUnderTest.current(); }
    @Override protected boolean ownsEngine() { return false; }
  }

  /** A salted aggregation under test: the right one, or the seed's one-stage one. */
  @FunctionalInterface
  public interface SaltingJob {
    PairDataset<String, KeyStats> aggregate(PairDataset<String, Long> input, int salts, int partitions);
  }

  @Provide Arbitrary<SkewedInput> skewed() { return SkewGenerators.inputs(0, 120, 50); }
  @Provide Arbitrary<SkewedInput> large() { return SkewGenerators.inputs(150, 300, 1000); }

  // 1 ------------------------------------------------------------------------------------------

  /** Two-phase salting gives the plain aggregation's count, sum, min, max and avg for every key. */
  @Property
  @Verifies(SALTING_SAME_RESULT)
  void required_skew_salting_same_result(@ForAll("skewed") SkewedInput input,
      @ForAll @IntRange(min = 1, max = 8) int salts, @ForAll @IntRange(min = 0, max = 5) int partitions) throws Exception {
    assertSameAsPlain(engine(), SaltedAggregation::twoPhase, input, salts, partitions);
  }

  /** The seed's example, pinned: three records of one key under two salts still give one sum. */
  @Example
  @Verifies(SALTING_SAME_RESULT)
  void required_skew_salting_same_result_seedExample() throws Exception {
    SkewedInput input = new SkewedInput(List.of(KeyValue.of("hot", 1L), KeyValue.of("hot", 2L),
        KeyValue.of("hot", 3L), KeyValue.of("cold", 4L)), 1);
    assertSameAsPlain(engine(), SaltedAggregation::twoPhase, input, 2, 2);
  }

  /**
   * Runs {@code job} and the plain aggregation on the engine and checks they agree key by key, each
   * key once. Public so a test can show that {@link OneStageSalting} fails it.
   */
  public static void assertSameAsPlain(DataflowEngine engine, SaltingJob job, SkewedInput input, int salts,
      int partitions) throws Exception {
    Map<String, KeyStats> expected = new HashMap<>();
    input.records().forEach(kv -> expected.merge(kv.key(), KeyStats.of(kv.value()), KeyStats::merge));
    Map<String, KeyStats> plain = once(engine.collect(SaltedAggregation.plain(input.dataset()).asDataset()));
    assertThat(plain).as("plain aggregation").isEqualTo(expected);
    List<KeyValue<String, KeyStats>> salted = engine.collect(job.aggregate(input.dataset(), salts, partitions).asDataset());
    Map<String, KeyStats> actual = once(salted);
    assertThat(actual).as("salted (%d salts) vs plain aggregation", salts).isEqualTo(expected);
    actual.forEach((k, s) -> assertThat(s.avg()).as("avg of %s", k).isEqualTo(expected.get(k).avg()));
  }

  private static Map<String, KeyStats> once(List<KeyValue<String, KeyStats>> records) {
    Map<String, KeyStats> byKey = new HashMap<>();
    records.forEach(kv -> assertThat(byKey.put(kv.key(), kv.value()))
        .as("key %s comes out more than once: %s", kv.key(), records).isNull());
    return byKey;
  }

  /** The wrong way, pinned: on this engine the seed's one-stage salting returns a key more than once. */
  @Example
  @Verifies(SALTING_SAME_RESULT)
  void required_skew_salting_same_result_oneStageIsCaught() throws Exception {
    SkewedInput input = new SkewedInput(List.of(KeyValue.of("hot", 1L), KeyValue.of("hot", 2L)), 1);
    List<KeyValue<String, KeyStats>> out = engine().collect(OneStageSalting.aggregate(input.dataset(), 2, 2).asDataset());
    assertThat(out).as("one-stage salting gives per-salted-key partial results")
        .containsExactlyInAnyOrder(KeyValue.of("hot", KeyStats.of(1)), KeyValue.of("hot", KeyStats.of(2)));
  }

  // 2 ------------------------------------------------------------------------------------------

  /** Salted and hash-partitioned, no partition holds more than ceil(h/s) + P records of a key with h records. */
  @Property
  @Verifies(SALTING_LOAD_BOUND)
  void required_skew_salting_load_bound(@ForAll("large") SkewedInput input, @ForAll @IntRange(min = 2, max = 8) int salts,
      @ForAll @IntRange(min = 0, max = 4) int extraPartitions) throws Exception {
    int partitions = salts + extraPartitions;
    Dataset<KeyValue<SaltedKey<String>, Long>> salted =
        SaltedAggregation.salt(input.dataset(), salts).asDataset().repartition(partitions, KeyValue::key);
    List<List<KeyValue<SaltedKey<String>, Long>>> parts = engine().collectPartitions(salted);
    Map<String, Long> total = DataflowSpec.multiset(input.records().stream().map(KeyValue::key).toList());
    for (int p = 0; p < parts.size(); p++) {
      Map<String, Long> here = DataflowSpec.multiset(parts.get(p).stream().map(kv -> kv.key().key()).toList());
      for (Map.Entry<String, Long> e : here.entrySet()) {
        long h = total.get(e.getKey());
        long bound = (h + salts - 1) / salts + input.partitions();
        assertThat(e.getValue()).as("records of key %s (%d in all, %d salts, %d input partitions) in partition %d of %d",
            e.getKey(), h, salts, input.partitions(), p, partitions).isLessThanOrEqualTo(bound);
      }
    }
    assertThat(DataflowSpec.flatten(parts)).hasSize(input.records().size());
  }

  // 3 ------------------------------------------------------------------------------------------

  @Provide Arbitrary<SkewJoinPolicy> policies() {
    return org.bigdatalab.property.Combinators.combine(org.bigdatalab.property.Arbitraries.of(1.5, 2.0, 3.0),
        org.bigdatalab.property.Arbitraries.longs().between(0, 20), org.bigdatalab.property.Arbitraries.longs().between(1, 16))
        .as(SkewJoinPolicy::new);
  }

  /** With a skew-join policy the join gives the oracle's pairs and no task reads more than the policy's bound. */
  @Property
  @Verifies(JOIN_SPLIT)
  void optional_skew_join_split(@ForAll("large") SkewedInput left, @ForAll("policies") SkewJoinPolicy policy,
      @ForAll @IntRange(min = 3, max = 8) int partitions) throws Exception {
    List<String> keys = left.records().stream().map(KeyValue::key).toList();
    long[] sizes = SkewJoins.partitionSizes(keys, partitions);
    Assume.that(SkewJoins.anySkewed(sizes, policy));
    PairDataset<String, Integer> right = PairDataset.of(Dataset.of(
        List.of(KeyValue.of("k1", 1), KeyValue.of("k1", 2), KeyValue.of("k2", 3), KeyValue.of("k5", 4)), 2));
    Dataset<KeyValue<String, Pair<Long, Integer>>> joined = left.dataset().skewJoin(right, partitions, policy).asDataset();
    ActionResult<List<KeyValue<String, Pair<Long, Integer>>>> run = engine().execute(Action.collect(joined));
    assertThat(run.value()).as("skew join result")
        .containsExactlyInAnyOrderElementsOf(DataflowSpec.cast(DataflowOracle.collect(joined.plan())));
    List<StageMetrics> joinStages = run.metrics().startingWith("join");
    assertThat(joinStages).as("join stages in%n%s", run.metrics()).isNotEmpty();
    long bound = policy.largestTaskBound(SkewJoins.median(sizes));
    for (StageMetrics stage : joinStages) {
      assertThat(stage.largestTask()).as("largest join task (partitions %s, median %s, %s):%n%s",
          java.util.Arrays.toString(sizes), SkewJoins.median(sizes), policy, run.metrics()).isLessThanOrEqualTo(bound);
    }
  }

  // 4 ------------------------------------------------------------------------------------------

  /** Count-distinct salted by the value's hash equals the plain count-distinct, for every key. */
  @Property
  @Verifies(DISTINCT_HASH_SALT)
  void required_skew_distinct_hash_salt(@ForAll("skewed") SkewedInput input, @ForAll @IntRange(min = 1, max = 6) int salts)
      throws Exception {
    Map<String, java.util.Set<Long>> distinct = new HashMap<>();
    input.records().forEach(kv -> distinct.computeIfAbsent(kv.key(), k -> new java.util.HashSet<>()).add(kv.value()));
    Map<String, Long> expected = new HashMap<>();
    distinct.forEach((k, vs) -> expected.put(k, (long) vs.size()));
    assertThat(toMap(engine().collect(SaltedCountDistinct.plain(input.dataset()).asDataset()))).as("plain").isEqualTo(expected);
    assertThat(toMap(engine().collect(SaltedCountDistinct.hashSalted(input.dataset(), salts).asDataset())))
        .as("count-distinct salted by hash, %d salts", salts).isEqualTo(expected);
  }

  /** The wrong way, pinned: salting by position counts one value once per salt it landed in. */
  @Example
  @Verifies(DISTINCT_HASH_SALT)
  void required_skew_distinct_hash_salt_positionSaltOvercounts() throws Exception {
    SkewedInput input = new SkewedInput(List.of(KeyValue.of("hot", 7L), KeyValue.of("hot", 7L)), 1);
    assertThat(toMap(engine().collect(SaltedCountDistinct.positionSalted(input.dataset(), 2).asDataset())))
        .isEqualTo(Map.of("hot", 2L));
    assertThat(toMap(engine().collect(SaltedCountDistinct.hashSalted(input.dataset(), 2).asDataset())))
        .isEqualTo(Map.of("hot", 1L));
  }

  /** Copies of one value in different input partitions still count once: distinct must shuffle. */
  @Example
  @Verifies(DISTINCT_HASH_SALT)
  void required_skew_distinct_hash_salt_copiesInTwoPartitionsCountOnce() throws Exception {
    SkewedInput input = new SkewedInput(List.of(KeyValue.of("hot", 7L), KeyValue.of("hot", 7L)), 2);
    assertThat(toMap(engine().collect(SaltedCountDistinct.plain(input.dataset()).asDataset())))
        .as("plain").isEqualTo(Map.of("hot", 1L));
    assertThat(toMap(engine().collect(SaltedCountDistinct.hashSalted(input.dataset(), 2).asDataset())))
        .as("salted by hash").isEqualTo(Map.of("hot", 1L));
  }

  private static Map<String, Long> toMap(List<KeyValue<String, Long>> records) {
    Map<String, Long> map = new HashMap<>();
    records.forEach(kv -> assertThat(map.put(kv.key(), kv.value())).as("key %s twice in %s", kv.key(), records).isNull());
    return map;
  }
}
