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
  void skewClausesAreDeclaredOnDataflowEngines() {
    assertThat(EngineInfo.builder("x", Topic.DATAFLOW).unsupported(SkewClauses.JOIN_SPLIT, "no AQE").build()
        .supports(SkewClauses.JOIN_SPLIT)).isFalse();
    assertThatThrownBy(() -> EngineInfo.builder("x", Topic.MAPREDUCE).unsupported(SkewClauses.JOIN_SPLIT, "no").build())
        .hasMessageContaining("checked on dataflow engines");
  }
}
