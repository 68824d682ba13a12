package org.bigdatalab.guide;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.rand;
import static org.apache.spark.sql.functions.sum;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/*
 * Why: the seed answers "how do you handle skew in Spark?" with DataFrame code: a random salt
 * appended to the key, then groupBy(salted_key).agg(sum(value)), and stops there. Chapter 5 shows
 * on the spec's jobs that this returns one partial row per salt and that a sum needed no salt. A
 * candidate writes the DataFrame version on the whiteboard, so here it is in Spark's own Java API:
 * the seed's one stage, the two phases it leaves out, and Spark's physical plan, which is where the
 * "no salt needed for a sum" shows (a partial aggregate before the shuffle).
 *
 * How: 40,000 rows, 60% of them on key k1, in 8 partitions; the salt is rand(42), so every run draws
 * the same salts. Adaptive execution is off so that the plan printed is the plan that ran, and
 * Spark's expression and plan ids (which count up per session) are cut from it. It lives in the
 * spark module because it is written in Spark's API; the guide runs it forked with that class path.
 */
public final class Ch05_SparkSalting {
  private Ch05_SparkSalting() {}

  static final int ROWS = 40_000;
  static final int PARTITIONS = 8;
  static final int SALTS = 10;

  public static void main(String[] args) {
    run(System.out);
  }

  public static void run(PrintStream out) {
    SparkSession spark = SparkSession.builder().appName("ch05-salting").master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.sql.shuffle.partitions", String.valueOf(PARTITIONS))
        .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
        .getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    try {
      show(spark, out);
    } finally {
      spark.stop();
    }
  }

  // tag::data[]
  /** 40,000 (key, value) rows; k1 holds 6 rows in 10, the rest spread over k2..k50. */
  static Dataset<Row> events(SparkSession spark) {
    return spark.range(ROWS).selectExpr(
        "CASE WHEN pmod(id, 10) < 6 THEN 'k1' ELSE concat('k', pmod(hash(id), 49) + 2) END AS key",
        "1 + pmod(hash(id, 7), 100) AS value");
  }
  // end::data[]

  static void show(SparkSession spark, PrintStream out) {
    Dataset<Row> df = events(spark).repartition(PARTITIONS).cache();
    out.printf("input: %,d rows in %d partitions, %,d of them on key k1%n",
        df.count(), PARTITIONS, df.filter(col("key").equalTo("k1")).count());

    // tag::seed[]
    Dataset<Row> oneStage = df
        .withColumn("salted_key", concat(col("key"), lit("_"), floor(rand(42).multiply(SALTS)).cast("int")))
        .groupBy("salted_key").agg(sum("value").as("total"));
    // end::seed[]
    Map<String, Long> seeds = totals(oneStage);
    long hot = seeds.keySet().stream().filter(k -> k.startsWith("k1_")).count();

    // tag::two-phase[]
    Dataset<Row> twoPhase = df
        .withColumn("salt", floor(rand(42).multiply(SALTS)).cast("int"))
        .groupBy("key", "salt").agg(sum("value").as("partial"))   // phase 1: k1 spread over SALTS groups
        .groupBy("key").agg(sum("partial").as("total"));           // phase 2: one row per key again
    Dataset<Row> plain = df.groupBy("key").agg(sum("value").as("total"));
    // end::two-phase[]
    Map<String, Long> twoPhases = totals(twoPhase);
    AtomicLong shuffled = new AtomicLong();
    SparkListener written = new SparkListener() {
      @Override public void onTaskEnd(SparkListenerTaskEnd end) {
        shuffled.addAndGet(end.taskMetrics().shuffleWriteMetrics().recordsWritten());
      }
    };
    spark.sparkContext().addSparkListener(written);
    Map<String, Long> plainTotals = totals(plain);
    awaitListeners(spark);
    spark.sparkContext().removeSparkListener(written);

    out.printf("the seed's one stage, groupBy(salted_key): %d rows for %d keys; k1 comes out as %d rows, "
        + "the largest %,d of its total %,d%n", seeds.size(), plainTotals.size(), hot,
        seeds.entrySet().stream().filter(e -> e.getKey().startsWith("k1_")).mapToLong(Map.Entry::getValue).max().orElse(0),
        plainTotals.get("k1"));
    out.printf("two phases, groupBy(key, salt) then groupBy(key): %d rows, equal to the plain groupBy(key): %s%n",
        twoPhases.size(), twoPhases.equals(plainTotals));

    out.printf("the plain groupBy(key).agg(sum(value)) shuffled %,d records for %,d rows%n", shuffled.get(), ROWS);
    out.println("Spark's physical plan for it, ids cut:");
    for (String line : plain.queryExecution().executedPlan().toString().split("\n")) {
      if (line.contains("InMemory")) {
        break;   // the cached input below it is not the point
      }
      out.println("  " + line.replaceAll("#\\d+L?", "").replaceAll(", \\[plan_id=\\d+\\]", ""));
    }
  }

  private static void awaitListeners(SparkSession spark) {
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty();
    } catch (TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain", e);
    }
  }

  /** Key to total, sorted, from a two-column result. */
  static Map<String, Long> totals(Dataset<Row> result) {
    Map<String, Long> totals = new TreeMap<>();
    for (Row row : result.collectAsList()) {
      totals.put(row.getString(0), row.getLong(1));
    }
    return totals;
  }
}
