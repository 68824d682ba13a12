package org.bigdatalab.guide;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.bigdatalab.sql.HiveParser;
import org.bigdatalab.sql.Plans;
import org.bigdatalab.sql.SqlSession;

/*
 * Why: the seed's "optimizations" are a bucketed ORC table and four SET lines. On Spark SQL neither
 * does what the seed implies. Spark reads a Hive-format bucketed table as plain files, so a join of two
 * such tables still shuffles both sides; only Spark's own bucketed tables (USING ... CLUSTERED BY) let
 * a join skip the shuffle. And Spark ignores most hive.* settings: it warns, stores the value, and
 * plans the same query the same way.
 *
 * How: the seed's four SET lines run as written; the warnings Spark logs are kept and printed, and
 * each setting is then tried for an effect on Spark's plan. The seed's bucketed table (fixed for the
 * reserved names) is filled with dynamic partitions; a second Hive-format table of users is bucketed
 * the same way; the same pair is built as Spark bucketed tables. The plan of one join on each pair is
 * read for shuffles (Exchange) and bucketed scans. Broadcast joins are switched off first: the tables
 * are small enough to broadcast, and a broadcast join shuffles nothing either way.
 */
public final class Ch13_HiveOptimizations {
  private Ch13_HiveOptimizations() {}

  // tag::settings[]
  /** The seed's SET lines, as written. */
  static final List<String> SEED_SETTINGS = List.of(
      "SET hive.exec.dynamic.partition = true",
      "SET hive.exec.dynamic.partition.mode = nonstrict",
      "SET hive.optimize.ppd = true  -- Predicate pushdown",
      "SET hive.vectorized.execution.enabled = true");
  // end::settings[]

  // tag::buckets[]
  static final String HIVE_BUCKETED = """
      CREATE TABLE user_logs_bucketed (
          user_id INT,
          action STRING,
          `timestamp` BIGINT
      )
      PARTITIONED BY (`date` STRING)
      CLUSTERED BY (user_id) INTO 32 BUCKETS
      STORED AS ORC""";
  static final String FILL = """
      INSERT OVERWRITE TABLE user_logs_bucketed PARTITION (`date`)
      SELECT user_id, action, `timestamp`, `date` FROM user_logs""";
  static final String HIVE_USERS = "CREATE TABLE users_bucketed (user_id INT, name STRING) "
      + "CLUSTERED BY (user_id) INTO 32 BUCKETS STORED AS ORC";

  /** Spark's own bucketed tables: the same columns and buckets, written by Spark's data source writer. */
  static final String SPARK_BUCKETED = "CREATE TABLE user_logs_spark USING ORC PARTITIONED BY (`date`) "
      + "CLUSTERED BY (user_id) INTO 32 BUCKETS AS SELECT user_id, action, `timestamp`, `date` FROM user_logs";
  static final String SPARK_USERS = "CREATE TABLE users_spark USING ORC CLUSTERED BY (user_id) INTO 32 BUCKETS "
      + "AS SELECT * FROM users";

  static String join(String logs, String users) {
    return "SELECT l.user_id, COUNT(*) AS actions FROM " + logs + " l JOIN " + users + " u ON l.user_id = u.user_id "
        + "GROUP BY l.user_id";
  }
  // end::buckets[]

  /** What one join's plan shows: its shuffles and how many of its scans read buckets. */
  record JoinPlan(List<String> exchanges, int bucketedScans) {
    static JoinPlan of(String query) {
      String plan = SqlSession.explain(query, false);
      return new JoinPlan(Plans.exchanges(plan), Plans.bucketedScans(plan));
    }
  }

  /** "ok", or the first line of the error the statement raised. */
  static String outcome(String statement) {
    try {
      Ch13_HiveQl.hiveQl(statement);
      return "ok";
    } catch (Exception e) {   // Spark throws its checked exceptions undeclared
      return e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
  }

  /** Creates and fills the users tables and Spark's pair (user_logs_bucketed must exist and be filled). */
  static void createBucketedTables() {
    Ch13_HiveQl.hiveQl(HIVE_USERS);
    Ch13_HiveQl.hiveQl("INSERT OVERWRITE TABLE users_bucketed SELECT * FROM users");
    SqlSession.sql(SPARK_BUCKETED);
    SqlSession.sql(SPARK_USERS);
    SqlSession.sql("SET spark.sql.autoBroadcastJoinThreshold = -1");
  }

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) {
    if (!SqlSession.hive().catalog().tableExists("user_logs")) {
      Ch13_HiveQl.createUserLogs(SqlSession.scratch("ch13-optimizations"));
      Ch13_HiveQl.hiveQl("CREATE EXTERNAL TABLE users (user_id INT, name STRING) ROW FORMAT DELIMITED "
          + "FIELDS TERMINATED BY ',' STORED AS TEXTFILE LOCATION '" + usersDir() + "'");
    }
    Ch13_HiveQl.hiveQl(HIVE_BUCKETED);
    out.println("dynamic-partition INSERT before the SET lines: " + outcome(FILL));
    // tag::set[]
    SqlSession.hiveSettingWarnings();
    for (String set : SEED_SETTINGS) {
      SqlSession.sql(set);
    }
    for (String warning : SqlSession.hiveSettingWarnings()) {
      out.println("Spark warns: " + warning.substring(0, warning.indexOf(" since ")));
    }
    out.println("dynamic-partition INSERT after them: " + outcome(FILL));
    out.println("SET hive.optimize.ppd now reads: " + SqlSession.sql("SET hive.optimize.ppd").get(0).getString(1));
    SqlSession.sql("SET hive.optimize.ppd = false");
    out.println("with hive.optimize.ppd = false, 2024-01-15 still reads " + Ch13_HiveQl.prunedPartitions("2024-01-15", "2024-01-15"));
    // end::set[]

    createBucketedTables();
    out.println("Hive's parser, Spark's CREATE TABLE ... USING ORC: " + HiveParser.problem(SPARK_BUCKETED).orElse("ok"));
    out.println("files in one partition: Hive-format " + files("user_logs_bucketed") + ", Spark bucketed " + files("user_logs_spark"));
    // tag::vectorized[]
    String scan = "SELECT COUNT(action) FROM user_logs_bucketed";
    SqlSession.sql("SET hive.vectorized.execution.enabled = false");
    out.println("hive.vectorized.execution.enabled = false: the ORC scan's Batched " + Plans.scanField(SqlSession.explain(scan, false), "Batched"));
    SqlSession.sql("SET spark.sql.orc.enableVectorizedReader = false");
    out.println("spark.sql.orc.enableVectorizedReader = false: the ORC scan's Batched " + Plans.scanField(SqlSession.explain(scan, false), "Batched"));
    SqlSession.sql("SET spark.sql.orc.enableVectorizedReader = true");
    // end::vectorized[]
    out.println();
    // tag::join[]
    JoinPlan hive = JoinPlan.of(join("user_logs_bucketed", "users_bucketed"));
    JoinPlan spark = JoinPlan.of(join("user_logs_spark", "users_spark"));
    out.printf("join of the Hive-format bucketed tables: shuffles %s, bucketed scans %d%n", hive.exchanges(), hive.bucketedScans());
    out.printf("join of Spark's bucketed tables:        shuffles %s, bucketed scans %d%n", spark.exchanges(), spark.bucketedScans());
    boolean same = SqlSession.sql(join("user_logs_bucketed", "users_bucketed") + " ORDER BY l.user_id")
        .equals(SqlSession.sql(join("user_logs_spark", "users_spark") + " ORDER BY l.user_id"));
    out.println("same rows both ways: " + same);
    // end::join[]
    String plan = SqlSession.explain(join("user_logs_spark", "users_spark"), false);
    out.println("Spark's scans: Bucketed " + Plans.scanField(plan, "Bucketed") + ", SelectedBucketsCount "
        + Plans.scanField(plan, "SelectedBucketsCount"));
  }

  static URI usersDir() {
    Path dir = SqlSession.scratch("ch13-users");
    org.bigdatalab.sql.UserLogs.landUsers(dir.resolve("users.csv"));
    return dir.toUri();
  }

  /** How many data files the table's 2024-01-15 partition holds. */
  static long files(String table) {
    String location = SqlSession.sql("DESCRIBE FORMATTED " + table).stream()
        .filter(r -> "Location".equals(r.getString(0))).findFirst().orElseThrow().getString(1);
    try (Stream<Path> list = Files.list(Path.of(URI.create(location)).resolve("date=2024-01-15"))) {
      return list.filter(p -> !p.getFileName().toString().startsWith(".") && !p.getFileName().toString().startsWith("_")).count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + table + "'s partition 2024-01-15", e);
    }
  }
}
