package org.bigdatalab.guide;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.bigdatalab.sql.Plans;
import org.bigdatalab.sql.SparkScans;
import org.bigdatalab.sql.SqlSession;
import org.bigdatalab.sql.UserEvents;

/*
 * Why: "SQL on big data" does not always need a cluster. Data that fits one machine's disk can be
 * queried in place by an embedded engine, and DuckDB reads the same Hive-partitioned Parquet files
 * that Spark writes, pruning partitions from the directory names just as Spark does.
 *
 * How: Spark writes a few million of the seed's events partitioned by date (the chapter's fixed
 * write); Spark and DuckDB (in this JVM, through JDBC) then run one query for one day on those files.
 * Each engine's own plan shows the pruning: Spark's PartitionFilters and its files-read metric,
 * DuckDB's "Scanning Files: n/total". Both answers must be equal. Then both run the query a few times
 * and the median time is printed with the machine's load; timings are printed, never asserted.
 */
public final class Ch13_DuckDb {
  private Ch13_DuckDb() {}

  static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 13);
  static final int DAYS = 5;
  static final long ROWS = 1_000_000;
  static final int RUNS = 3;

  // tag::query[]
  static final String ONE_DAY = """
      SELECT event_type, COUNT(*) AS events, COUNT(DISTINCT user_id) AS users
      FROM events
      WHERE date = '2024-01-15'
      GROUP BY event_type
      ORDER BY event_type""";

  /** DuckDB's view of the files Spark wrote: the date comes from the directory names. */
  static String duckDbView(Path dir) {
    return "CREATE VIEW events AS SELECT * FROM read_parquet('" + dir + "/*/*.parquet', hive_partitioning = true)";
  }
  // end::query[]

  /** The same rows, as text: Spark's and DuckDB's types differ (long against BIGINT), their values must not. */
  static List<String> duckDbRows(Statement s, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (ResultSet r = s.executeQuery(query)) {
      while (r.next()) {
        rows.add(r.getString(1) + "," + r.getLong(2) + "," + r.getLong(3));
      }
    }
    return rows;
  }

  static String duckDbPlan(Statement s, String query) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (ResultSet r = s.executeQuery("EXPLAIN " + query)) {
      while (r.next()) {
        plan.append(r.getString(2)).append('\n');
      }
    }
    return plan.toString();
  }

  /** Writes the events partitioned by date and returns the directory. */
  static Path writeEvents(SparkSession spark) {
    Path dir = SqlSession.scratch("ch13-duckdb").resolve("events");
    UserEvents.generate(spark, ROWS, FIRST_DAY, DAYS).selectExpr("*", "to_date(timestamp) AS date")
        .write().partitionBy("date").parquet(dir.toString());
    return dir;
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) throws Exception {
    SparkSession spark = SqlSession.hive();
    Path dir = writeEvents(spark);
    spark.read().parquet(dir.toString()).createOrReplaceTempView("events");
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
      s.execute(duckDbView(dir));
      out.printf("%,d events in %d date partitions, written by Spark%n", ROWS, DAYS);
      // tag::evidence[]
      Dataset<Row> query = spark.sql(ONE_DAY);
      List<String> sparkRows = query.collectAsList().stream()
          .map(r -> r.getString(0) + "," + r.getLong(1) + "," + r.getLong(2)).toList();
      out.println("Spark:  PartitionFilters " + Plans.partitionFilters(SqlSession.explain(ONE_DAY, false))
          + ", files read " + SparkScans.filesRead(query));
      int[] scanned = Plans.duckDbFilesScanned(duckDbPlan(s, ONE_DAY));
      out.printf("DuckDB: File Filters [%s], Scanning Files: %d/%d%n", Plans.duckDbFileFilters(duckDbPlan(s, ONE_DAY)),
          scanned[0], scanned[1]);
      out.println("same answer: " + sparkRows.equals(duckDbRows(s, ONE_DAY)));
      sparkRows.forEach(r -> out.println("  " + r));
      // end::evidence[]
      // tag::timing[]
      long[] sparkNanos = new long[RUNS];
      long[] duckNanos = new long[RUNS];
      for (int i = 0; i < RUNS; i++) {
        long t = System.nanoTime();
        spark.sql(ONE_DAY).collectAsList();
        sparkNanos[i] = System.nanoTime() - t;
        t = System.nanoTime();
        duckDbRows(s, ONE_DAY);
        duckNanos[i] = System.nanoTime() - t;
      }
      var os = ManagementFactory.getOperatingSystemMXBean();
      boolean c1 = ManagementFactory.getRuntimeMXBean().getInputArguments().contains("-XX:TieredStopAtLevel=1");
      out.printf("median of %d runs, same JVM (%s), %d cores, load average %.2f: Spark %.0f ms, DuckDB %.0f ms%n",
          RUNS, c1 ? "JIT: C1 only" : "JIT: C1 and C2", os.getAvailableProcessors(), os.getSystemLoadAverage(),
          median(sparkNanos) / 1e6, median(duckNanos) / 1e6);
      // end::timing[]
    }
  }

  static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}

/*
 * How to run it, from the repository root:
tag::run[]
java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
  -cp "engines-dataflow/spark-sql/target/classes:$(cat engines-dataflow/spark-sql/target/lab-engine.classpath)" \
  org.bigdatalab.guide.Ch13_DuckDb
end::run[]
 */
