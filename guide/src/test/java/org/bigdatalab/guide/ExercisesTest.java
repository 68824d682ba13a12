package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.guide.Ch06_WindowedCounts.MINUTE;
import static org.bigdatalab.guide.Ch06_WindowedCounts.at;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.History;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.Outcome;
import org.bigdatalab.cap.check.Budget;
import org.bigdatalab.cap.check.LinearizabilityChecker;
import org.bigdatalab.cap.check.RegisterModel;
import org.bigdatalab.cap.check.Verdict;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.Dataset;
import org.bigdatalab.dataflow.KeyStats;
import org.bigdatalab.dataflow.PairDataset;
import org.bigdatalab.dataflow.jobs.OneStageSalting;
import org.bigdatalab.dataflow.jobs.SaltedAggregation;
import org.bigdatalab.dfs.BlockLocation;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsOutput;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Window;
import org.bigdatalab.streaming.WindowResult;
import org.bigdatalab.streaming.spec.Click;
import org.junit.jupiter.api.Test;

/**
 * The answers of chapters 1 to 10's exercises, as the chapters print them under "Answer": each test
 * is named after its chapter and checks every number the answer states, so an answer that stops
 * being true fails the build instead of misleading a reader.
 */
class ExercisesTest {

  @Test
  void chapter1TheDoubleCombinerCountsOneWordTwiceAndFailsTwoClauses() throws Exception {
    try (MapReduceEngine broken = new Ch01_HowTheSpecWorks.DoubleCombiningMapReduce()) {
      Map<String, List<List<KeyValue<String, Long>>>> replay = Ch01_HowTheSpecWorks.replay(broken);
      assertThat(replay.get("without combiner")).isEqualTo(List.of(List.of(KeyValue.of("a", 1L))));
      assertThat(replay.get("with combiner")).isEqualTo(List.of(List.of(KeyValue.of("a", 2L))));
    }
  }

  @Test
  void chapter2TheThreeWordRulesAndTheThreeMeans() throws Exception {
    String line = "Don't stop_me, DON'T!";
    assertThat(counts(Ch02_WordCount.seedJavaRule(line))).isEqualTo(Map.of("Don't", 1L, "stop_me,", 1L, "DON'T!", 1L));
    assertThat(counts(Ch02_WordCount.seedPythonRule(line))).isEqualTo(Map.of("don", 2L, "t", 2L, "stop_me", 1L));
    assertThat(counts(Ch02_WordCount.specRule(line))).isEqualTo(Map.of("don", 2L, "t", 2L, "stop", 1L, "me", 1L));
    try (MapReduceEngine engine = GuideEngines.create("mr-sequential", MapReduceEngine.class)) {
      Map<String, List<List<KeyValue<String, Long>>>> means = Ch02_CombinerCounters.means(engine);
      assertThat(means.get("mean, no combiner")).isEqualTo(List.of(List.of(KeyValue.of("k", 4L))));
      assertThat(means.get("mean as its own combiner")).isEqualTo(List.of(List.of(KeyValue.of("k", 6L))));
      assertThat(means.get("(sum, count) pairs combined")).isEqualTo(List.of(List.of(KeyValue.of("k", 4L))));
    }
  }

  @Test
  void chapter3AFileOfThreeThousandBytesHasThreeBlocksEachWithOneReplicaOnTheWritersRack() throws Exception {
    ClusterSpec cluster = Ch03_HdfsOperations.cluster();
    for (String id : List.of("dfs-memory", "dfs-local")) {
      try (DfsEngine engine = GuideEngines.create(id, DfsEngine.class);
           DistributedFileSystem fs = engine.start(cluster)) {
        DfsPath file = new DfsPath("/exercise/3000.bin");
        try (DfsOutput out = fs.create(file, false)) {
          out.write(new byte[3000]);
        }
        List<BlockLocation> blocks = fs.blockLocations(file);
        assertThat(blocks).as(id).hasSize(3);
        assertThat(blocks.get(2).length()).isEqualTo(3000 - 2 * 1024);
        for (BlockLocation b : blocks) {
          assertThat(b.nodes().get(0)).as("first replica on the writer").isEqualTo("dn1");
          assertThat(b.nodes().stream().filter(n -> cluster.rackOf(n).equals("r1")).count()).as("replicas on r1").isEqualTo(1);
          assertThat(b.racks().stream().distinct().count()).as("racks").isEqualTo(2);
        }
      }
    }
  }

  @Test
  void chapter4ThreeActionsWithoutCacheRunTheMapThirtyTimesAndTenWithIt() throws Exception {
    try (DataflowEngine engine = GuideEngines.create("df-parallel", DataflowEngine.class)) {
      Dataset<Integer> squares = Dataset.of(java.util.stream.IntStream.rangeClosed(1, 10).boxed().toList(), 4)
          .map(x -> {
            Ch04_LazyEvaluation.SQUARED.incrementAndGet();
            return x * x;
          });
      for (boolean cache : List.of(false, true)) {
        Ch04_LazyEvaluation.SQUARED.set(0);
        Dataset<Integer> over20 = (cache ? squares.cache() : squares).filter(x -> x > 20);
        assertThat(engine.count(over20)).isEqualTo(6);
        assertThat(engine.collect(over20)).hasSize(6);
        assertThat(engine.reduce(over20, Integer::sum)).isEqualTo(Optional.of(25 + 36 + 49 + 64 + 81 + 100));
        assertThat(Ch04_LazyEvaluation.SQUARED.get()).as("map calls, cache %s", cache).isEqualTo(cache ? 10 : 30);
      }
    }
  }

  @Test
  void chapter5OneStageSaltingWithFourSaltsGivesTwoHundredRowsAndTwoPhaseStaysExact() throws Exception {
    PairDataset<String, Long> input = Ch05_SkewSalting.input();
    try (DataflowEngine engine = GuideEngines.create("df-parallel", DataflowEngine.class)) {
      List<KeyValue<String, KeyStats>> seed = engine.collect(OneStageSalting.aggregate(input, 4, Ch05_SkewSalting.PARTITIONS).asDataset());
      assertThat(seed).hasSize(200);
      assertThat(seed.stream().filter(kv -> kv.key().equals("k1"))).hasSize(4);
      List<KeyValue<String, KeyStats>> twoPhase = engine.collect(SaltedAggregation.twoPhase(input, 4, Ch05_SkewSalting.PARTITIONS).asDataset());
      List<KeyValue<String, KeyStats>> plain = engine.collect(SaltedAggregation.plain(input).asDataset());
      assertThat(twoPhase).hasSize(50).containsExactlyInAnyOrderElementsOf(plain);
    }
  }

  @Test
  void chapter6WithoutAllowedLatenessBobsLateClickGoesToTheSideOutput() throws Exception {
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      StreamingResult<?> result = engine.run(Ch06_WindowedCounts.job().withAllowedLateness(0), Ch06_WindowedCounts.script());
      assertThat(result.finalValues().get(id("bob", 0, 5))).isEqualTo(2L);
      assertThat(result.late()).extracting(l -> Click.parse(l.line()).user() + "@" + Ch06_WindowedCounts.clock(Click.parse(l.line()).time()))
          .containsExactly("bob@12:04:30", "alice@12:03:30");
    }
  }

  @Test
  void chapter7WithAFiveMinuteDelayTheClickFrom1158IsCountedNotDropped() throws Exception {
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      StreamingResult<?> result = engine.run(Ch07_MicroBatches.job(), Ch07_MicroBatches.script(true, 5 * MINUTE));
      assertThat(result.late()).isEmpty();
      assertThat(result.finalValues().get(id("click", -2, 3))).isEqualTo(new Ch07_MicroBatches.Totals(4, 13));
      assertThat(result.finalValues().get(id("click", -3, 2))).isEqualTo(new Ch07_MicroBatches.Totals(3, 11));
    }
  }

  @Test
  void chapter9TheSeedsFlinkSettingsDropTwoClicksOfChapter6sStream() throws Exception {
    try (StreamingEngine engine = GuideEngines.create("stream-sequential", StreamingEngine.class)) {
      StreamingResult<?> result = engine.run(Ch09_Flink.seedJob(), Ch06_WindowedCounts.script());
      assertThat(result.late()).hasSize(2);
      assertThat(result.finalValues().get(id("bob", 0, 5))).isEqualTo(2L);
      assertThat(result.finalValues().get(id("alice", 0, 5))).isEqualTo(2L);
    }
  }

  @Test
  void chapter10AMinorityWriteMadeLaterWinsOnTheApStoreAndStillFailsOnTheCpStore() throws Exception {
    LinearizabilityChecker checker = new LinearizabilityChecker(RegisterModel.CAS_REGISTER, Budget.SPEC);
    try (CapEngine cp = GuideEngines.create("cap-quorum", CapEngine.class);
         CapEngine ap = GuideEngines.create("cap-lww", CapEngine.class)) {
      History quorum = Ch10_CapInPractice.partitionScript(cp, 100);
      List<Operation> q = Ch10_CapInPractice.inScriptOrder(quorum);
      assertThat(q.get(2).node()).isZero();
      assertThat(q.get(2).outcome()).as("n0's later write, on the minority side").isNotEqualTo(Outcome.OK);
      assertThat(q.subList(5, 8)).as("after the heal").allMatch(o -> o.ok() && Integer.valueOf(3).equals(o.value()));
      assertThat(checker.check(quorum).linearizable()).isTrue();

      History lww = Ch10_CapInPractice.partitionScript(ap, 100);
      List<Operation> l = Ch10_CapInPractice.inScriptOrder(lww);
      assertThat(l).allMatch(Operation::ok);
      assertThat(l.get(3).value()).as("n0 reads its own write").isEqualTo(2);
      assertThat(l.get(4).value()).as("n2 reads the majority's").isEqualTo(3);
      assertThat(l.subList(5, 8)).extracting(Operation::value).as("after the heal: the later stamp everywhere").containsOnly(2);
      assertThat(checker.check(lww)).isInstanceOf(Verdict.NotLinearizable.class);
    }
  }

  private static WindowResult.Id id(String key, int fromMinute, int toMinute) {
    return new WindowResult.Id(key, new Window(at(fromMinute, 0), at(toMinute, 0)));
  }

  private static Map<String, Long> counts(List<String> words) {
    Map<String, Long> counts = new TreeMap<>();
    words.forEach(w -> counts.merge(w, 1L, Long::sum));
    return counts;
  }
}
