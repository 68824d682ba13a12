package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bigdatalab.dataflow.DataflowEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renders the whole guide once, as the build and the lab CLI do, and checks the page. The output
 * directory is given as a relative path on purpose: the renderer must not resolve it against
 * Asciidoctor's base directory (a temporary copy of the sources).
 */
class GuideRenderTest {
  static final Path outputDir = Path.of("target", "guide");   // the build's one render of the guide
  static Path html;
  static String page;
  /** The page's text: tags removed (so highlighting spans do not matter), the basic entities decoded. */
  static String text;
  static final List<String> progress = new ArrayList<>();

  @BeforeAll
  static void render() throws Exception {
    Scratch.deleteRecursively(outputDir);
    html = GuideRenderer.render(outputDir, progress::add);
    page = Files.readString(html, StandardCharsets.UTF_8);
    text = page.replaceAll("<[^>]*>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  @Test
  void writesIndexHtmlWithEveryChapterTitle() {
    assertThat(html).isEqualTo(outputDir.toAbsolutePath().resolve("index.html")).isRegularFile();
    assertThat(page).contains("<title>bigdata-lab: a study guide you can run</title>")
        .contains("1. How the spec works</h2>").contains("2. MapReduce</h2>")
        .contains("1.1. What a clause is</h3>").contains("2.2. The shuffle, traced</h3>")
        .contains("2.4. TeraSort: sampling for even partitions</h3>");
  }

  @Test
  void includesCodeFromTheChapterPrograms() {
    assertThat(page).contains("<pre class=\"rouge highlight\"><code data-lang=\"java\">");
    assertThat(page).contains("<span class=\"nc\">DoubleCombiningMapReduce</span>")
        .contains("<span class=\"n\">evenlySpacedCuts</span>");
    assertThat(text).contains("exec:java -Dexec.mainClass=org.bigdatalab.guide.Ch02_TeraSortSampling")
        .contains("public static class DoubleCombiningMapReduce extends SequentialMapReduce {");
    // tag markers never leak into the page
    assertThat(page).doesNotContain("tag::").doesNotContain("end::");
  }

  @Test
  void includesTheOutputCapturedFromEveryProgram() throws Exception {
    for (GuideRenderer.Program program : GuideRenderer.PROGRAMS) {
      Path snippet = outputDir.resolve("snippets").resolve(program.name() + ".txt");
      assertThat(snippet).isRegularFile();
      String output = Files.readString(snippet, StandardCharsets.UTF_8);
      assertThat(output).as(program.name()).isNotBlank();
      Optional<String> line = output.lines().filter(l -> l.trim().length() > 20).findFirst();
      assertThat(line).as("a distinctive line of %s", program.name()).isPresent();
      assertThat(text).as("output of %s in the page", program.name()).contains(line.get());
    }
    assertThat(text).contains("the trace predicted the engine's output exactly: true");
  }

  @Test
  void isSelfContainedAndRenderedWithoutWarnings() {
    assertThat(page).contains("<style>").doesNotContain("<link rel=\"stylesheet\"").doesNotContain("<script src=");
    assertThat(page).doesNotContain("Unresolved directive");
    assertThat(progress).anyMatch(p -> p.startsWith("guide: rendering index.adoc"))
        .anyMatch(p -> p.startsWith("guide: running Ch01_HowTheSpecWorks"));
  }

  /**
   * The forked chapter programs ran on real Spark, and Spark's rows are the oracle's: the snippet
   * holds exactly what the same code prints for df-sequential, with the engine's name changed.
   */
  @Test
  void sparkGivesTheOraclesResultsInTheForkedChapterPrograms() throws Exception {
    String ch04 = snippet("Ch04_OnSpark");
    String ch05 = snippet("Ch05_OnSpark");
    try (DataflowEngine oracle = GuideEngines.create("df-sequential", DataflowEngine.class)) {
      String wordCount = GuideTesting.output(out -> Ch04_WordCountAndGroupBy.run(oracle, out));
      assertThat(ch04).contains(wordCount.replace("df-sequential", "spark"));
      String lazy = GuideTesting.output(out -> Ch04_LazyEvaluation.run(oracle, out));
      assertThat(ch04).contains(lazy.lines().skip(1).limit(4).map(l -> l + "\n").reduce("", String::concat));
      String salting = GuideTesting.output(out -> Ch05_SkewSalting.print(oracle, Ch05_SkewSalting.runs(oracle), out));
      String rowsOfHotKey = salting.substring(salting.indexOf("rows for"));
      assertThat(ch05).endsWith(rowsOfHotKey);
    }
    assertThat(ch04.lines().filter(l -> l.contains("same result both ways"))).hasSize(3)
        .allMatch(l -> l.endsWith("(same result both ways: true)"));
    assertThat(ch04).containsPattern("broadcast join +shuffled +0 records").containsPattern("coalesce\\(2\\) +shuffled +0 records");
    assertThat(ch05.lines().skip(1).limit(4)).allMatch(l -> l.endsWith(" 50  true"));
  }

  /** Chapter 3's forked program ran the seed's operations and word count on real HDFS, with mr-hadoop. */
  @Test
  void hadoopReadsItsInputFromRealHdfsInTheForkedChapterProgram() throws Exception {
    String ch03 = snippet("Ch03_MapReduceOnHdfs");
    assertThat(ch03).contains("engine dfs-hdfs").contains("equal to the local file: true")
        .contains("mr-hadoop: ").contains("mr-parallel: ")
        .contains("every engine's counts equal the oracle's on the same bytes as a local file: true");
    long blocks = ch03.lines().filter(l -> l.startsWith("  block ")).count();   // words.txt's block map
    assertThat(blocks).isGreaterThanOrEqualTo(3);
    assertThat(ch03).contains("mr-hadoop: " + blocks + " map tasks").contains("mr-parallel: " + blocks + " map tasks");
  }

  /** Chapter 3's rack-awareness answer ran on real HDFS: every block keeps the three rules, reads survive a lost node, the repair restores three replicas on two racks. */
  @Test
  void realHdfsKeepsTheRackRulesInTheForkedChapterProgram() throws Exception {
    String hdfs = snippet("Ch03_RackAwarenessOnHdfs");
    List<String> table = hdfs.lines().filter(l -> l.matches(" +\\d+  dn.*")).toList();
    assertThat(table).hasSize(Ch03_RackAwareness.FILE_BYTES / 1024)
        .allMatch(l -> l.matches(".*true +true +true +1 of 3"), "first on the writer, second off-rack, third on its rack");
    assertThat(hdfs).startsWith("engine dfs-hdfs").contains("read the whole file: ok, bytes equal")
        .contains("replicas per block [3, 3, 3, 3, 3, 3, 3, 3], racks per block [2, 2, 2, 2, 2, 2, 2, 2]")
        .contains("read again: ok, bytes equal");
  }

  /**
   * The streaming chapters' forked programs ran on real Spark, Kafka Streams and Flink: Spark's rows
   * are the oracle's except where it counted a click older than the watermark (chapter 7 explains
   * both), Kafka's and Flink's results are the oracle's, windows fire at the steps chapter 6's
   * timeline shows, and Flink's crashed run emitted each window once.
   */
  @Test
  void realStreamingEnginesInTheForkedChapterProgramsDifferFromTheOracleOnlyWhereTheChaptersSay() throws Exception {
    String ch07 = snippet("Ch07_OnSpark");
    assertThat(ch07).contains("rows dropped by the watermark (numRowsDroppedByWatermark): 4; stream-sequential's side output: [click@11:58]")
        .containsSubsequence("windows whose Spark row differs from stream-sequential's final result:",
            "  click  [11:57,12:02)  spark: count=2 sum=4  stream-sequential: count=1 sum=3",
            "  click  [11:58,12:03)  spark: count=4 sum=13  stream-sequential: count=3 sum=6",
            "windows with the same row: 22; rows per window on Spark: [1]");
    String ch08 = snippet("Ch08_KafkaStreams");
    assertThat(ch08).contains("final values equal stream-sequential's: true")
        .contains("too late, dropped and counted: 1 (stream-sequential's side output: [alice@12:03:30])")
        .containsPattern("   7 12:09 alice +12:08 +FINAL alice \\[12:00,12:05\\) = 2")
        .containsSubsequence("clicks-by-arrival", "same counts at both speeds: false",
            "clicks-by-event-time", "same counts at both speeds: true")
        .contains("crash and restore on kafka-streams: unsupported");
    String ch09 = snippet("Ch09_Flink");
    String ch06 = GuideTesting.output(Ch06_WindowedCounts::run);
    String timeline = ch06.substring(ch06.indexOf("   1 "), ch06.indexOf("late side output"));
    assertThat(ch09).contains(timeline).contains("same results and late events as stream-sequential: true")
        .contains("(the seed's job drops these without a trace): [bob@12:04:30, alice@12:03:30]")
        .containsPattern("crashed, restored +1 +(\\d+) +\\1 +0  true")
        .contains("final values equal stream-sequential's: true");
  }

  /** Chapter 11's Delta program ran on real Delta (forked), and says what the chapter says it shows. */
  @Test
  void deltaShowsTheSeedsIncompleteInsertTimeTravelAndTheEndOfIt() throws Exception {
    assertThat(snippet("Ch12_DeltaLake")).startsWith("engine: Delta Lake on Spark")
        .contains("the seed's MERGE, event 3 as inserted: (3, 12, \"purchase\", \"2024-01-16\", null, null)")
        .contains("(3, 12, \"purchase\", \"2024-01-16\", \"placed\", \"2024-01-16T10:00\")")
        .contains("TIMESTAMP AS OF the commit time of version 1 reads version 1")
        .contains("VACUUM RETAIN 1 HOUR deleted 0 files; version 1 still reads 2 rows")
        .contains("VACUUM RETAIN 0 HOURS deleted files: true")
        .contains("VERSION AS OF 1 now fails: VERSION_EXPIRED");
  }

  /**
   * Chapter 15's forked program ran a word count on real Spark and read back, from Spark's listener
   * events, the jobs, stages and tasks the chapter describes, and the exercise's variant.
   */
  @Test
  void sparkReportsJobsStagesAndTasksInTheForkedChapterProgram() throws Exception {
    String ch15 = snippet("Ch15_SparkArchitecture");
    assertThat(ch15).contains("master local[4]").contains("25 distinct words; collect() returned 25 pairs")
        .containsPattern("job 0: 2 stage\\(s\\), JobSucceeded\\n  stage 0 .* 4 tasks \\{driver=4\\}, parents \\[\\], shuffle read 0,"
            + " shuffle written 35\\n  stage 1 .* 2 tasks \\{driver=2\\}, parents \\[0\\], shuffle read 35, shuffle written 0\\n")
        .containsPattern("job 1: 2 stage\\(s\\), JobSucceeded\\n  stage 2 .* skipped")
        .contains("stages per job [2 tasks, 3 tasks] then [skipped, 3 tasks], shuffle written 31");
  }

  /** Chapter 17's forked program ran its pipeline on real Kafka and served the answers Ch17Test computes by hand. */
  @Test
  void theRecommendationPipelineRunsOnKafkaInTheForkedChapterProgram() throws Exception {
    String ch17 = snippet("Ch17_Recommendations");
    assertThat(ch17).startsWith("log kafka: 3,000 actions of 40 users appended")
        .contains(Ch17Test.expected("u7")).contains(Ch17Test.expected("u12")).contains(Ch17Test.expected("u33"))
        .contains("{\"user\":\"newcomer\",").contains("\"cold_start\":true")
        .contains("latency of 2,000 requests from one local client");
  }

  /**
   * Chapter 18's forked program measured the seed's six optimizations on real Spark: columnar files
   * read a fraction of the CSV's bytes for one column, a broadcast join shuffles nothing of the join,
   * a cached second action reads the cache, AQE coalesces 200 reduce tasks, and df.groupBy().count()
   * shuffles one record per task and category, as reduceByKey does and groupByKey does not.
   */
  @Test
  void sparkMeasuresTheSeedsOptimizationsInTheForkedChapterProgram() throws Exception {
    String ch18 = snippet("Ch18_SparkOptimizations");
    java.util.Map<String, long[]> formats = new java.util.HashMap<>();
    ch18.lines().filter(l -> l.matches("   (csv|parquet|orc) .*")).forEach(l -> {
      String[] f = l.trim().split(" +");
      formats.put(f[0] + "-" + f[1], new long[] {Long.parseLong(f[2].replace(",", "")), Long.parseLong(f[3].replace(",", "")),
          Long.parseLong(f[4].replace(",", ""))});
    });
    assertThat(formats).containsOnlyKeys("csv-none", "parquet-snappy", "parquet-none", "orc-snappy");
    assertThat(formats.values()).extracting(v -> v[2]).containsOnly(formats.get("csv-none")[2]);
    assertThat(formats.get("parquet-snappy")[0]).isLessThan(formats.get("parquet-none")[0]).isLessThan(formats.get("csv-none")[0] / 2);
    assertThat(formats.get("parquet-snappy")[1]).isLessThan(formats.get("csv-none")[1] / 10);
    assertThat(ch18).containsPattern("plain join \\(broadcast off\\) +SortMergeJoin, 200,000 rows, 200,0\\d\\d records shuffled")
        .containsPattern("broadcast\\(small\\) +BroadcastHashJoin, 200,000 rows, [0-4] records shuffled")
        .contains("no cache   the second action scans the Parquet files (FileScan) , input records 200,000")
        .contains("cache()    the second action scans the cache (InMemoryTableScan)")
        .contains("adaptive execution off:  204 tasks in 2 stages").contains("adaptive execution on:   5 tasks in 2 stages")
        .containsPattern("df.groupBy\\(\"category\"\\).count\\(\\) +20 records shuffled")
        .containsPattern("rdd.groupByKey\\(\\), then count +200,000 records shuffled")
        .containsPattern("rdd.reduceByKey\\(sum\\) +20 records shuffled");
  }

  /**
   * Chapter 13's programs ran forked with engines-dataflow/spark-sql's class path, on Spark SQL with
   * Hive and on DuckDB, and the page shows the evidence each part of the chapter states.
   */
  @Test
  void sqlOnSparkAndDuckDbShowTheirPlansEvidenceInChapter13() throws Exception {
    String ch13 = snippet("Ch13_SqlOnSpark");
    assertThat(ch13).contains("Hive's parser, the seed's CREATE TABLE: line 4:4 cannot recognize input near 'timestamp'")
        .contains("partitions the plan reads, 2024-01-15 only: 1 of 5 [date=2024-01-15]")
        .contains("join of the Hive-format bucketed tables: shuffles [hashpartitioning, hashpartitioning], bucketed scans 0")
        .contains("join of Spark's bucketed tables:        shuffles [], bucketed scans 2")
        .contains("Partition column `date` not found in schema")
        .contains("same answer: true");
    assertThat(page).contains("13. SQL on big data: Hive, Spark SQL and DuckDB</h2>");
    assertThat(text).contains("partitions the plan reads, 2024-01-15 only: 1 of 5 [date=2024-01-15]")
        .contains("same rows both ways: true").containsPattern("Scanning Files: \\d+/\\d+");
  }

  /**
   * The seed's removed APIs, given to javac with the real engines' class paths, fail for the reasons chapters 8 and 9
   * give; today's replacements ran, and the grace period is the only difference between Kafka's two windows.
   */
  @Test
  void theSeedsRemovedApisFailToCompileAndTodaysReplacementsRun() throws Exception {
    String ch08 = snippet("Ch08_RemovedApis");
    assertThat(ch08).contains("compiled by javac against this class path: 2 errors")
        .contains("symbol:   method of(java.time.Duration); location: class org.apache.kafka.streams.kstream.TimeWindows")
        .contains("symbol:   class KeyValue").contains("on kafka-streams-4.");
    String noGrace = ch08.substring(ch08.indexOf("ofSizeWithNoGrace(5 min):"), ch08.indexOf("ofSizeAndGrace(5 min, 2 min):"));
    String grace = ch08.substring(ch08.indexOf("ofSizeAndGrace(5 min, 2 min):"));
    assertThat(noGrace).contains("bob@1970-01-01T12:00:00Z=1").contains("dropped-records-total 1");
    assertThat(grace).contains("bob@1970-01-01T12:00:00Z=2").contains("dropped-records-total 0");

    String ch09 = snippet("Ch09_RemovedApis");
    assertThat(ch09).contains("compiled by javac against this class path: 6 errors")
        .contains("package org.apache.flink.streaming.api.windowing.time does not exist")
        .contains("package org.apache.flink.streaming.connectors.kafka does not exist")
        .contains("over 6 events: [alice@12:00=2, alice@12:05=1, alice@12:10=1, bob@12:00=1]");
    assertThat(ch09.substring(ch09.indexOf("stream graph:")).lines().skip(1).map(String::strip).toList())
        .startsWith("Source: user-events").contains("TumblingEventTimeWindows").contains("Sink: Writer", "Sink: Committer");
  }

  /**
   * The seed's salting in Spark's DataFrame API, as chapter 5 says of it: one stage gives a row per salt, two phases
   * the plain answer, and Spark aggregates a sum before the shuffle (one record per key and map task).
   */
  @Test
  void sparksOwnSaltingShowsTheSeedsRowsAndThePartialAggregate() throws Exception {
    String ch05 = snippet("Ch05_SparkSalting");
    assertThat(ch05).contains("24,000 of them on key k1").contains("500 rows for 50 keys; k1 comes out as 10 rows")
        .contains("equal to the plain groupBy(key): true").contains("shuffled 400 records for 40,000 rows")
        .contains("functions=[partial_sum(value)]").contains("Exchange hashpartitioning(key, 8)");
  }

  /**
   * Chapter 19 ran forked on a MiniYARNCluster, and its output holds what the chapter's text and exercise answer say:
   * A's two containers (its ApplicationMaster and one task) fill dev, B waits although the node has room, C runs in
   * prod meanwhile, and B starts only after A's gate opens.
   */
  @Test
  void chapter19ShowsAJobWaitingForItsQueuesCapacity() throws Exception {
    String ch19 = snippet("Ch19_Yarn");
    assertThat(ch19).contains("queue dev: capacity 25%, maximum 25% of the cluster")
        .contains("A in queue root.dev: RUNNING, 2 containers, 1024 MB")
        .contains("container 1: the ApplicationMaster, 512 MB").contains("container 2: a map task, 512 MB")
        .contains("queue dev: 100% of its capacity in use, running applications: 1")
        .contains("B in queue root.dev: ACCEPTED, 0 containers")
        .contains("waiting for resources to be assigned for AM")
        .contains("the node: 1024 of 4096 MB in use, 2 containers")
        .contains("C in queue root.prod: FINISHED (SUCCEEDED)")
        .contains("meanwhile A is RUNNING and B is ACCEPTED")
        .contains("A: FINISHED (SUCCEEDED); B: FINISHED (SUCCEEDED)")
        .contains("B's ApplicationMaster started after the gate opened: true")
        .contains("the node: 0 containers, 0 MB in use");
    assertThat(page).contains("19. YARN: containers, ApplicationMasters and queues</h2>");
  }

  private static String snippet(String program) throws Exception {
    return Files.readString(outputDir.resolve("snippets/" + program + ".txt"), StandardCharsets.UTF_8);
  }

  @Test
  void libraryOutputStaysOutOfTheSnippets() throws Exception {
    String ch01 = Files.readString(outputDir.resolve("snippets/Ch01_HowTheSpecWorks.txt"), StandardCharsets.UTF_8);
    assertThat(ch01).startsWith("clause \\ engine").doesNotContain("timestamp = ").doesNotContain("report entry");
  }
}
