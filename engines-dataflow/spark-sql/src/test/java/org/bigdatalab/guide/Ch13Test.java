package org.bigdatalab.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.sql.HiveParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Chapter 13's programs on real Spark SQL with Hive and on DuckDB, run once in this JVM (one session,
 * one metastore), and the evidence the chapter states, taken from the engines' plans: the chapter
 * cannot keep a claim that the engines stop making.
 */
class Ch13Test {
  static String out;

  @BeforeAll
  static void runTheChapter() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      Ch13_SqlOnSpark.run(print);
    }
    out = bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void hivesParserRefusesTheSeedsReservedColumnNamesAndSparkDoesNot() {
    assertThat(HiveParser.problem(String.format(Ch13_HiveQl.SEED_CREATE, "/tmp/x")))
        .hasValueSatisfying(p -> assertThat(p).contains("cannot recognize input near 'timestamp'"));
    assertThat(HiveParser.problem(String.format(Ch13_HiveQl.FIXED_CREATE, "/tmp/x"))).isEmpty();
    assertThat(out).contains("Spark, the seed's CREATE TABLE: ran; columns 5")
        .contains("Hive's parser, with `timestamp` and `date` quoted: ok");
  }

  @Test
  void aPrunedScansPlanNamesOnePartitionAndTheSeedsJanuaryAllFive() {
    assertThat(Ch13_HiveQl.prunedPartitions("2024-01-15", "2024-01-15")).containsExactly("date=2024-01-15");
    assertThat(Ch13_HiveQl.prunedPartitions("2024-01-01", "2024-01-31")).hasSize(5);
    assertThat(out).contains("partitions the plan reads, 2024-01-15 only: 1 of 5 [date=2024-01-15]")
        .contains("its scan of user_logs reads [date=2024-01-15]")
        .contains("  [2024-01-15,40,400]");
  }

  @Test
  void hiveSettingsWarnAndLeaveThePlanAlone() {
    assertThat(out).contains("dynamic-partition INSERT before the SET lines: ok")
        .contains("Spark warns: 'SET hive.optimize.ppd=true  -- Predicate pushdown' might not work,")
        .contains("SET hive.optimize.ppd now reads: true  -- Predicate pushdown")
        .contains("with hive.optimize.ppd = false, 2024-01-15 still reads [date=2024-01-15]")
        .contains("hive.vectorized.execution.enabled = false: the ORC scan's Batched [true]")
        .contains("spark.sql.orc.enableVectorizedReader = false: the ORC scan's Batched [false]");
  }

  @Test
  void theHiveFormatBucketedJoinShufflesAndSparksBucketedJoinDoesNot() {
    var hive = Ch13_HiveOptimizations.JoinPlan.of(Ch13_HiveOptimizations.join("user_logs_bucketed", "users_bucketed"));
    var spark = Ch13_HiveOptimizations.JoinPlan.of(Ch13_HiveOptimizations.join("user_logs_spark", "users_spark"));
    assertThat(hive.exchanges()).containsExactly("hashpartitioning", "hashpartitioning");
    assertThat(hive.bucketedScans()).isZero();
    assertThat(spark.exchanges()).isEmpty();
    assertThat(spark.bucketedScans()).isEqualTo(2);
    assertThat(out).contains("same rows both ways: true").contains("files in one partition: Hive-format 32");
  }

  @Test
  void theSeedsPartitionByOnAResultWithoutADateFailsAndWritesNothing() {
    assertThat(out).contains("the seed's write.partitionBy(\"date\"): AnalysisException")
        .contains("Partition column `date` not found in schema struct<user_id:int,product_category:string,")
        .contains("files written by it: 0")
        .contains("the fixed write's partitions: [date=2023-12-30, date=2023-12-31, date=2024-01-01, date=2024-01-02, "
            + "date=2024-01-03, date=2024-01-04, date=2024-01-05]");
  }

  @Test
  void duckDbAndSparkPruneTheSameFilesAndAgree() {
    String line = out.lines().filter(l -> l.startsWith("DuckDB: ")).findFirst().orElseThrow();
    String[] scanned = line.replaceAll(".*Scanning Files: ", "").split("/");
    int read = Integer.parseInt(scanned[0]);
    assertThat(Integer.parseInt(scanned[1])).isEqualTo(read * Ch13_DuckDb.DAYS);
    assertThat(out).contains("Spark:  PartitionFilters [isnotnull(date), (date = 2024-01-15)], files read " + read)
        .contains("same answer: true").containsPattern("median of 3 runs, same JVM \\(JIT: C1 only\\), .*: Spark \\d+ ms, DuckDB \\d+ ms");
  }

  /** The exercise: which WHERE clauses let Spark read only 2024-01-15's partition. */
  @Test
  void theExercisesAnswerHolds() {
    Map<String, String> read = new LinkedHashMap<>();
    for (String where : List.of("`date` = '2024-01-15'", "`date` LIKE '2024-01-15%'", "user_id = 7 AND `date` = '2024-01-15'",
        "user_id = 7 OR `date` = '2024-01-15'", "to_date(from_unixtime(`timestamp`)) = DATE '2024-01-15'")) {
      read.put(where, Ch13_HiveQl.partitionsRead(where));
    }
    assertThat(read).containsExactly(
        Map.entry("`date` = '2024-01-15'", "1 [date=2024-01-15]"),
        Map.entry("`date` LIKE '2024-01-15%'", "1 [date=2024-01-15]"),
        Map.entry("user_id = 7 AND `date` = '2024-01-15'", "1 [date=2024-01-15]"),
        Map.entry("user_id = 7 OR `date` = '2024-01-15'", "all 5"),
        Map.entry("to_date(from_unixtime(`timestamp`)) = DATE '2024-01-15'", "all 5"));
  }

  @Test
  void everyPartIsTaggedForTheChapter() {
    assertThat(out.lines().filter(l -> l.startsWith("// tag::")).toList())
        .isEqualTo(List.of("// tag::hiveql[]", "// tag::optimizations[]", "// tag::dataframes[]", "// tag::duckdb[]"));
  }
}
