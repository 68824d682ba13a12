package org.bigdatalab.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.mapreduce.JobOutput;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.MapReduceJob;
import org.bigdatalab.mapreduce.jobs.WordCount;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.KeyValue;
import org.bigdatalab.spi.Topic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.annotations.Mode;

/**
 * Runs every benchmark once on a tiny input, in-process, and checks that the hand-written loops
 * count exactly what the spec's WordCount counts. No speed is asserted here: a smoke test on a
 * shared build machine measures nothing. If a count differs, check the word rule in
 * {@code B01_WordCountBaseline.ByteSliceCounts.addChunk} against {@code Words}.
 */
class BenchSmokeTest {
  private static final String TINY = "256KB";
  /** In-process (no fork), no warm-up, one job per benchmark. */
  private static final BenchRunner.Plan ONCE = new BenchRunner.Plan(0, 0, 0, 1, 1, Mode.SingleShotTime);

  @BeforeAll
  static void allowAnotherJmh() {
    System.setProperty("jmh.ignoreLock", "true"); // a real run elsewhere on the machine must not fail this test
  }

  @Test
  void handWrittenLoopsCountExactlyWhatWordCountCounts() throws Exception {
    Path corpus = BenchData.zipfCorpus(TINY);
    Map<String, Long> expected = wordCountOnSequential(corpus);

    assertThat(expected).isNotEmpty();
    assertThat(B01_WordCountBaseline.countRight(corpus).toMap()).isEqualTo(expected);
    assertThat(B01_WordCountBaseline.countWrong(corpus)).isEqualTo(expected);
  }

  @Test
  void handWrittenLoopKeepsTheWordRuleOnMixedTextAndAcrossChunks(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("mixed.txt");
    String text = "Hello, WORLD! hello\tworld\r\n"
        + "abc123 ABC123 123 x_y foo-bar  --  Q\n"
        + "Café café CAFÉ naïve déjà-vu Straße ΣΊΣΥΦΟΣ İstanbul 日本語\n"
        + "a".repeat(100) + " " + "B".repeat(40) + "\n"
        + "plain ascii line after the long words\n"
        + "no newline at the end: The END";
    Files.writeString(file, text, StandardCharsets.UTF_8);
    Map<String, Long> expected = wordCountOnSequential(file);

    assertThat(expected).containsEntry("hello", 2L).containsEntry("café", 3L).containsEntry("end", 2L);
    assertThat(B01_WordCountBaseline.countRight(file).toMap()).isEqualTo(expected);
    assertThat(B01_WordCountBaseline.countRight(file, 16).toMap()).as("16-byte chunks").isEqualTo(expected);
    assertThat(B01_WordCountBaseline.countWrong(file)).isEqualTo(expected);
  }

  @Test
  void handWrittenSortWritesWhatTeraSortWrites(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("records.txt");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 500; i++) { // distinct keys, backslashes and tabs, CRLF and LF, many shared prefixes
      String key = String.format("%s%06d", i % 3 == 0 ? "AAA\\" : i % 3 == 1 ? "AAA~" : "AA z", (i * 7919) % 100_000);
      text.append(key).append("  value\t").append(i).append(i % 2 == 0 ? "\r\n" : "\n");
    }
    text.append("ZZZZZZZZZZ last line, no line break");
    Files.writeString(input, text, StandardCharsets.UTF_8);

    Path expected = dir.resolve("engine");
    try (MapReduceEngine engine = EngineRegistry.load().create("mr-sequential", MapReduceEngine.class, EngineOptions.NONE)) {
      engine.run(org.bigdatalab.mapreduce.jobs.TeraSort.job(new String[0]), List.of(input), expected);
    }
    Path actual = dir.resolve("by-hand");
    assertThat(B03_TeraSort.sortByHand(input, actual)).isEqualTo(501);

    assertThat(actual.resolve(JobOutput.SUCCESS_MARKER)).exists();
    assertThat(Files.readString(actual.resolve(JobOutput.partName(0))))
        .isEqualTo(Files.readString(expected.resolve(JobOutput.partName(0))));
  }

  @Test
  void everyWordCountBenchmarkRunsAndGivesRows() {
    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("wordcount", List.of(), TINY, progress::add, ONCE);

    List<String> engines = mapReduceEngines();
    assertThat(rows).extracting(BenchResult::engine)
        .containsAll(List.of(BenchRunner.BASELINE, BenchRunner.HASHMAP_LOOP)).containsAll(engines);
    assertThat(rows).hasSize(2 + engines.size())
        .allSatisfy(r -> {
          assertThat(r.value()).isPositive();
          assertThat(r.ratioToBaseline()).isPositive();
          assertThat(r.metric()).isEqualTo("MB/s");
          assertThat(r.size()).isEqualTo(TINY);
          assertThat(r.baseline()).isEqualTo(BenchRunner.BASELINE);
        });
    assertThat(rows.get(0).ratioToBaseline()).isEqualTo(1.0);
    assertThat(BenchTable.format(rows)).contains(BenchRunner.BASELINE, "per-thread");
    assertThat(progress).isNotEmpty();
  }

  @Test
  void everyTeraSortBenchmarkRunsValidatedAndGivesRows() {
    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("terasort", List.of(), TINY, progress::add, ONCE);

    List<String> engines = mapReduceEngines();
    assertThat(rows).extracting(BenchResult::engine).contains(BenchRunner.BASELINE).containsAll(engines);
    assertThat(rows).hasSize(1 + engines.size()).allSatisfy(r -> assertThat(r.value()).isPositive());
  }

  @Test
  void everyDfsStoreWritesAndReadsBesideTheDiskLimit() {
    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("dfs", List.of(), "1MB", progress::add, ONCE);

    List<String> stores = EngineRegistry.load().engines(Topic.DFS).stream()
        .filter(i -> i.kind() != EngineInfo.Kind.BROKEN && !i.id().equals("dfs-hdfs") && !i.onCluster()).map(EngineInfo::id).toList();
    assertThat(stores).contains("dfs-memory", "dfs-local");
    assertThat(rows).hasSize(2 * (1 + 2 * stores.size())).allSatisfy(r -> {
      assertThat(r.value()).isPositive();
      assertThat(r.ratioToBaseline()).isPositive();
      assertThat(r.baseline()).isEqualTo(BenchRunner.DISK_LIMIT);
      assertThat(r.metric()).isIn("write MB/s", "read MB/s");
    });
    assertThat(rows).extracting(BenchResult::engine).contains(BenchRunner.DISK_LIMIT, "dfs-local/r3/1MB", "dfs-memory/r1/1MB");
    assertThat(BenchTable.format(rows)).contains("dfs-local/r3/1MB", "of the disk limit");
  }

  @Test
  void everySkewVariantSumsCorrectlyAndReportsItsLargestTask() {
    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("skew", List.of("df-sequential", "df-parallel"), "20000", progress::add, ONCE);

    // per exponent: the two loops, two engines x (reduceByKey, groupByKey, columns) x salting, and the joins
    // (shuffle, salted, broadcast; the skew split only on df-parallel, which supports skew.join.split)
    assertThat(rows).hasSize(3 * (2 + 2 * 6 + 3 + 4));
    assertThat(rows).extracting(BenchResult::size).contains("20000-z0", "20000-z1.0", "20000-z1.5");
    assertThat(rows).extracting(BenchResult::engine).contains(BenchRunner.BASELINE, "df-parallel", "df-parallel+salted",
        "df-sequential/groupByKey", "df-sequential/groupByKey+salted", "df-parallel/columns", "df-parallel/columns+salted",
        BenchRunner.JOIN_BASELINE, "df-sequential/join", "df-sequential/join+salted", "df-sequential/join+broadcast",
        "df-parallel/join", "df-parallel/join+split").doesNotContain("df-sequential/join+split");
    assertThat(rows).filteredOn(r -> r.engine().contains("/join")).allSatisfy(r -> assertThat(r.baseline()).isEqualTo(BenchRunner.JOIN_BASELINE));
    assertThat(rows).allSatisfy(r -> {
      assertThat(r.value()).isPositive();
      assertThat(r.metric()).isEqualTo("records/s");
      if (r.engine().equals(BenchRunner.BASELINE) || r.engine().equals(BenchRunner.JOIN_BASELINE)) {
        assertThat(r.maxTaskShare()).isNull();
        assertThat(r.maxTaskMs()).isNull();
      } else {
        assertThat(r.maxTaskShare()).isNotNull().isGreaterThan(0.0).isLessThanOrEqualTo(1.0);
        // the reference engines time every task on both clocks; the longest after a shuffle is one of all
        assertThat(r.maxTaskMs()).isNotNull().isNotNegative().isGreaterThanOrEqualTo(r.maxShuffledTaskMs());
        assertThat(r.maxTaskCpuMs()).isNotNull().isNotNegative().isGreaterThanOrEqualTo(r.maxShuffledTaskCpuMs());
      }
    });
    assertThat(BenchTable.format(rows)).contains("max-task", "salting cuts the largest task",
        "salting cuts the longest task after the shuffle: wall ", "in the whole job: wall ",
        "df-parallel/join the skew split cuts the longest task", "df-parallel/join broadcasting cuts the longest task");
  }

  @Test
  void everyJoinPlanGivesTheHandWrittenJoin() throws Exception {
    SkewData data = SkewData.of(5_000, 1.5);
    B10_SkewedJoin.Expected expected = B10_SkewedJoin.Expected.of(data);
    for (String engine : List.of("df-sequential", "df-parallel")) {
      try (org.bigdatalab.dataflow.DataflowEngine df = EngineRegistry.load()
          .create(engine, org.bigdatalab.dataflow.DataflowEngine.class, EngineOptions.NONE)) {
        for (String strategy : B10_SkewedJoin.STRATEGIES) {
          expected.check(df.collect(B10_SkewedJoin.plan(data.slices(B05_SkewedAggregation.partitions()), data.keySpace, strategy)),
              B10_SkewedJoin.rowEngine(engine, strategy));
        }
      }
    }
  }

  @Test
  void saltedAndPlainPlansGiveTheHandWrittenSums() throws Exception {
    SkewData data = SkewData.of(5_000, 1.5);
    long[] expected = B05_SkewedAggregation.sumByHand(data.keys, data.values, data.keySpace);
    try (org.bigdatalab.dataflow.DataflowEngine df = EngineRegistry.load()
        .create("df-sequential", org.bigdatalab.dataflow.DataflowEngine.class, EngineOptions.NONE)) {
      for (boolean grouped : new boolean[] {false, true}) {
        for (boolean salted : new boolean[] {false, true}) {
          List<KeyValue<Integer, Long>> sums = df.collect(B05_SkewedAggregation.plan(data.slices(B05_SkewedAggregation.partitions()), salted, grouped));
          data.check(sums, B05_SkewedAggregation.rowEngine("df-sequential", salted, grouped ? "groupByKey" : "reduceByKey"));
          assertThat(sums.stream().mapToLong(KeyValue::value).sum()).isEqualTo(java.util.Arrays.stream(expected).sum());
        }
      }
    }
    for (String engine : List.of("df-sequential", "df-parallel")) {
      try (org.bigdatalab.dataflow.DataflowEngine df = EngineRegistry.load()
          .create(engine, org.bigdatalab.dataflow.DataflowEngine.class, EngineOptions.NONE)) {
        for (boolean salted : new boolean[] {false, true}) {
          data.check(df.collect(B05_SkewedAggregation.columnsPlan(data, B05_SkewedAggregation.partitions(), salted)),
              B05_SkewedAggregation.rowEngine(engine, salted, "columns"));
        }
      }
    }
  }

  @Test
  void unknownEnginesAreSkippedNotFatal() {
    List<String> progress = new ArrayList<>();
    List<BenchResult> rows = BenchRunner.run("wordcount", List.of("no-such-engine"), TINY, progress::add, ONCE);

    assertThat(rows).extracting(BenchResult::engine).containsExactly(BenchRunner.BASELINE, BenchRunner.HASHMAP_LOOP);
    assertThat(progress).anyMatch(line -> line.contains("skipping no-such-engine"));
  }

  private static List<String> mapReduceEngines() {
    return EngineRegistry.load().engines(Topic.MAPREDUCE).stream()
        .filter(i -> i.kind() != EngineInfo.Kind.BROKEN).map(EngineInfo::id).toList();
  }

  private static Map<String, Long> wordCountOnSequential(Path input) throws Exception {
    Path output = BenchData.freshOutput("smoke-");
    try (MapReduceEngine engine = EngineRegistry.load().create("mr-sequential", MapReduceEngine.class, EngineOptions.NONE)) {
      MapReduceJob<String, Long, String, Long> job = WordCount.withCombiner(2);
      engine.run(job, List.of(input), output);
      Map<String, Long> counts = new HashMap<>();
      for (List<KeyValue<String, Long>> part : JobOutput.read(output, job)) {
        part.forEach(kv -> counts.put(kv.key(), kv.value()));
      }
      return counts;
    } finally {
      BenchData.deleteRunDir(output);
    }
  }
}
