package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.jobs.SkewJoins;
import org.bigdatalab.guide.Ch05_SkewJoinAndDistinct.JoinRun;
import org.bigdatalab.guide.Ch05_SkewSalting.Run;
import org.bigdatalab.spi.KeyValue;
import org.junit.jupiter.api.Test;

/** Chapter 5's programs run, and their output carries the facts the chapter states. */
class Ch05Test {

  @Test
  void twoPhaseSaltingShrinksTheLargestTaskKeepsTheResultAndOneStageSaltingIsWrong() throws Exception {
    List<KeyValue<String, Long>> records = Ch05_SkewSalting.zipfRecords(7);
    long hot = records.stream().filter(kv -> kv.key().equals(Ch05_SkewSalting.HOT)).count();
    assertThat(hot).as("k1 is the hot key").isGreaterThan(Ch05_SkewSalting.RECORDS / 5);
    try (DataflowEngine engine = GuideEngines.create("df-parallel", DataflowEngine.class)) {
      List<Run> runs = Ch05_SkewSalting.runs(engine);
      Run grouped = runs.get(0);
      Run salted = runs.get(1);
      Run stats = runs.get(2);
      Run statsSalted = runs.get(3);
      Run oneStage = runs.get(4);
      assertThat(grouped.rows()).hasSize(Ch05_SkewSalting.KEYS);
      assertThat(grouped.largestShuffleTask()).isGreaterThanOrEqualTo(hot);
      assertThat(salted.largestShuffleTask() * 2).isLessThan(grouped.largestShuffleTask());
      assertThat(salted.rows()).isEqualTo(grouped.rows());
      assertThat(stats.rows()).isEqualTo(grouped.rows());
      assertThat(statsSalted.rows()).isEqualTo(grouped.rows());
      assertThat(stats.largestShuffleTask()).as("map-side combine absorbs the skew").isLessThan(salted.largestShuffleTask() / 10);
      assertThat(statsSalted.metrics().shuffledRecords()).isGreaterThan(stats.metrics().shuffledRecords());
      List<KeyValue<String, org.bigdatalab.dataflow.KeyStats>> hotRows = oneStage.rowsOf(Ch05_SkewSalting.HOT);
      assertThat(hotRows).hasSize(Ch05_SkewSalting.SALTS);
      assertThat(hotRows).allSatisfy(kv -> assertThat(kv.value().count()).isLessThan(hot));
      assertThat(hotRows.stream().mapToLong(kv -> kv.value().count()).sum()).isEqualTo(hot);
      assertThat(statsSalted.rowsOf(Ch05_SkewSalting.HOT)).singleElement()
          .satisfies(kv -> assertThat(kv.value().count()).isEqualTo(hot));
    }
    String out = GuideTesting.output(Ch05_SkewSalting::run);
    assertThat(out).containsPattern("seed: one-stage salting +[0-9,]+ +[0-9,]+ +400  false")
        .containsPattern("groupByKey, two-phase salted +[0-9,]+ +[0-9,]+ +50  true");
  }

  @Test
  void skewJoinsSplitOrSaltTheHotPartitionAndHashSaltedDistinctIsExact() throws Exception {
    List<String> keys = Ch05_SkewSalting.zipfRecords(7).stream().map(KeyValue::key).toList();
    long[] sizes = SkewJoins.partitionSizes(keys, Ch05_SkewJoinAndDistinct.PARTITIONS);
    double median = SkewJoins.median(sizes);
    long biggest = java.util.Arrays.stream(sizes).max().orElseThrow();
    assertThat(SkewJoins.anySkewed(sizes, Ch05_SkewJoinAndDistinct.POLICY)).isTrue();
    try (DataflowEngine engine = GuideEngines.create("df-parallel", DataflowEngine.class)) {
      List<JoinRun> joins = Ch05_SkewJoinAndDistinct.joins(engine);
      JoinRun plain = joins.get(0);
      JoinRun split = joins.get(1);
      JoinRun salted = joins.get(2);
      assertThat(joins).allSatisfy(j -> assertThat(j.rows()).isEqualTo(keys.size()));
      assertThat(plain.largestJoinTask()).isEqualTo(biggest);
      assertThat(split.joinTasks()).isGreaterThan(plain.joinTasks());
      assertThat(split.largestJoinTask()).isLessThan(biggest)
          .isLessThanOrEqualTo(Ch05_SkewJoinAndDistinct.POLICY.largestTaskBound(median));
      assertThat(salted.largestJoinTask()).isLessThan(split.largestJoinTask());

      Map<String, Map<String, Long>> distinct = Ch05_SkewJoinAndDistinct.distinctCounts(engine);
      assertThat(distinct.get("salted by hash(value)")).isEqualTo(distinct.get("plain"));
      assertThat(distinct.get("plain").get("k1")).isEqualTo(100L);
      assertThat(distinct.get("salted by position").get("k1")).isGreaterThan(100L)
          .isLessThanOrEqualTo(100L * Ch05_SkewJoinAndDistinct.SALTS);
    }
    String out = GuideTesting.output(Ch05_SkewJoinAndDistinct::run);
    assertThat(out).contains("salted by hash(value)  k1 100").contains("keys that differ from plain: 0");
  }
}
