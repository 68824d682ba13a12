package org.bigdatalab.dataflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Topic;
import org.junit.jupiter.api.Test;

/** Datasets are descriptions: building one runs nothing and leaves its input unchanged; declarations are checked. */
class DatasetDescriptionTest {

  @Test
  void transformationsBuildAPlanAndRunNothing() {
    Dataset<Integer> numbers = Dataset.of(List.of(1, 2, 3), 2);
    Dataset<KeyValue<Integer, Integer>> pairs = numbers.map(n -> {
      throw new AssertionError("ran while building");
    });
    PairDataset<Integer, Integer> summed = PairDataset.of(pairs).reduceByKey(Integer::sum).cache();
    assertThat(summed.asDataset().lineage()).isEqualTo("parallelize > map > reduceByKey > cache");
    assertThat(numbers.plan()).isInstanceOf(Plan.Parallelize.class);
    assertThat(summed.plan()).isInstanceOf(Plan.CacheOp.class);
  }

  @Test
  void eachCacheCallNamesANewDataset() {
    Dataset<Integer> numbers = Dataset.of(List.of(1), 1);
    assertThat(((Plan.CacheOp) numbers.cache().plan()).id()).isNotEqualTo(((Plan.CacheOp) numbers.cache().plan()).id());
  }

  @Test
  void skewPolicyFollowsItsJavadocExample() {
    SkewJoinPolicy policy = new SkewJoinPolicy(5, 100, 50);
    assertThat(policy.isSkewed(900, 35)).isTrue();
    assertThat(policy.isSkewed(150, 35)).as("above the threshold, not 5 x the median").isFalse();
    assertThat(policy.largestTaskBound(35)).isEqualTo(175);
  }

  @Test
  void partitionCountsAreChecked() {
    assertThatThrownBy(() -> Dataset.of(List.of(1), 0)).hasMessageContaining("at least 1");
    assertThatThrownBy(() -> Dataset.of(List.of(1), 1).coalesce(0)).hasMessageContaining("at least 1");
    assertThat(HashPartitioning.partition(-7, 3)).isEqualTo(Math.floorMod(Integer.valueOf(-7).hashCode(), 3));
  }

  @Test
  void columnsAreCheckedAndSlicedLikeParallelize() {
    assertThatThrownBy(() -> PairDataset.ofIntLongColumns(new int[2], new long[1], 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 keys, 1 values");
    assertThatThrownBy(() -> PairDataset.ofIntLongColumns(new int[1], new long[1], 0)).hasMessageContaining("at least 1");
    Plan.IntLongColumns columns = (Plan.IntLongColumns) PairDataset.ofIntLongColumns(new int[5], new long[5], 3).plan();
    assertThat(List.of(columns.from(0), columns.from(1), columns.from(2), columns.from(3))).containsExactly(0, 1, 3, 5);
    PairDataset<Integer, Long> sums = PairDataset.ofIntLongColumns(new int[1], new long[1], 1).sumLongsByKey(0);
    assertThat(sums.asDataset().lineage()).isEqualTo("intLongColumns > sumByKey");
  }

  @Test
  void longAggregatesFollowTheirJavadocExample() {
    List<KeyValue<String, Long>> records = List.of(KeyValue.of("a", 3L), KeyValue.of("b", 1L), KeyValue.of("a", -5L));
    for (LongAggregate aggregate : LongAggregate.values()) {
      long a = records.stream().filter(kv -> kv.key().equals("a")).mapToLong(kv -> aggregate.lift(kv.value()))
          .reduce(aggregate::merge).orElseThrow();
      assertThat(a).as(aggregate.name()).isEqualTo(switch (aggregate) {
        case SUM -> -2L;
        case COUNT -> 2L;
        case MIN -> -5L;
        case MAX -> 3L;
      });
      assertThat(aggregate.mergeFunction().apply(4L, -9L)).as(aggregate.name()).isEqualTo(aggregate.merge(4, -9));
    }
    assertThat(LongAggregate.SUM.merge(Long.MAX_VALUE, 1)).as("wraps, as Long::sum").isEqualTo(Long.MIN_VALUE);
  }

  @Test
  void skewClausesAreDeclaredOnDataflowEngines() {
    assertThat(EngineInfo.builder("x", Topic.DATAFLOW).unsupported(SkewClauses.JOIN_SPLIT, "no AQE").build()
        .supports(SkewClauses.JOIN_SPLIT)).isFalse();
    assertThatThrownBy(() -> EngineInfo.builder("x", Topic.MAPREDUCE).unsupported(SkewClauses.JOIN_SPLIT, "no").build())
        .hasMessageContaining("checked on dataflow engines");
  }
}
