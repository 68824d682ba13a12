package org.bigdatalab.guide;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.bigdatalab.sql.HiveParser;
import org.bigdatalab.sql.Plans;
import org.bigdatalab.sql.SqlSession;
import org.bigdatalab.sql.UserLogs;

/*
 * Why: the seed's Hive section is SQL that nobody ran. Spark SQL with Hive support runs most of it as
 * written, which hides the one thing that is wrong: `timestamp` and `date` are reserved words in Hive
 * (since 1.2), so Hive itself refuses the seed's CREATE TABLE. And the point of partitioning, that a
 * query on one day reads one day's files, is claimed, not shown.
 *
 * How: every statement is handed to real Hive's parser (Hive 2.3, shipped inside Spark's Hive support)
 * before Spark runs it. The seed's DDL as written fails there and runs on Spark; the fix quotes the
 * two names with backticks, which both accept. The days land as CSV files in the seed's yyyy/MM/dd
 * directories, an EXTERNAL table gets them with ADD PARTITION ... LOCATION, and the plan Spark prints
 * for each query says which partitions it will read (Plans reads them from EXPLAIN's text).
 */
public final class Ch13_HiveQl {
  private Ch13_HiveQl() {}

  // tag::seed-ddl[]
  /** The seed's CREATE TABLE, as written (only its LOCATION is a parameter). */
  static final String SEED_CREATE = """
      CREATE EXTERNAL TABLE user_logs (
          user_id INT,
          action STRING,
          timestamp BIGINT,
          ip_address STRING
      )
      PARTITIONED BY (date STRING)
      ROW FORMAT DELIMITED
      FIELDS TERMINATED BY ','
      STORED AS TEXTFILE
      LOCATION '%s'""";

  /** Fixed: the two reserved words quoted; every later statement quotes `date` too. */
  static final String FIXED_CREATE = SEED_CREATE
      .replace("timestamp BIGINT", "`timestamp` BIGINT").replace("(date STRING)", "(`date` STRING)");
  // end::seed-ddl[]

  // tag::queries[]
  static final String ADD_PARTITION = "ALTER TABLE user_logs ADD PARTITION (`date`='%s') LOCATION '%s'";

  static final String DAILY = """
      SELECT
          `date`,
          COUNT(DISTINCT user_id) as unique_users,
          COUNT(*) as total_actions
      FROM user_logs
      WHERE `date` BETWEEN '%s' AND '%s'
      GROUP BY `date`
      ORDER BY `date`""";

  static final String JOIN = """
      SELECT
          u.user_id,
          u.name,
          COUNT(l.action) as action_count
      FROM users u
      JOIN user_logs l ON u.user_id = l.user_id
      WHERE l.`date` = '2024-01-15'
      GROUP BY u.user_id, u.name
      HAVING action_count > 10""";
  // end::queries[]

  /** Runs a statement on Spark after Hive's own parser accepted it: the chapter's HiveQL is valid Hive. */
  static List<Row> hiveQl(String statement) {
    Optional<String> problem = HiveParser.problem(statement);
    if (problem.isPresent()) {
      throw new IllegalStateException("Hive's parser refuses: " + problem.get() + "\n" + statement);
    }
    return SqlSession.sql(statement);
  }

  /** Lands the days, creates the fixed table over them and adds one partition per day; the seed's layout. */
  static void createUserLogs(Path root) {
    Path landing = root.resolve("data/logs");
    UserLogs.land(landing);
    hiveQl(String.format(FIXED_CREATE, root.resolve("warehouse/user_logs").toUri()));
    for (var day : UserLogs.DAYS) {
      hiveQl(String.format(ADD_PARTITION, day, UserLogs.dayDir(landing, day).toUri()));
    }
  }

  /** The partitions Spark's plan keeps for the daily query between {@code from} and {@code to}. */
  static List<String> prunedPartitions(String from, String to) {
    return Plans.prunedPartitions(SqlSession.explain(String.format(DAILY, from, to), true));
  }

  // tag::exercise[]
  /**
   * The partitions Spark's plan keeps for {@code SELECT COUNT(*) FROM user_logs WHERE <where>}; a Hive
   * table scan whose plan lists no pruned partitions reads them all.
   */
  static String partitionsRead(String where) {
    List<String> kept = Plans.prunedPartitions(SqlSession.explain("SELECT COUNT(*) FROM user_logs WHERE " + where, false));
    return kept.isEmpty() ? "all " + UserLogs.DAYS.size() : kept.size() + " " + kept;
  }
  // end::exercise[]

  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  public static void run(PrintStream out) {
    Path root = SqlSession.scratch("ch13-hiveql");
    // tag::reserved[]
    String asWritten = String.format(SEED_CREATE, root.resolve("as-written").toUri());
    out.println("Hive's parser, the seed's CREATE TABLE: " + HiveParser.problem(asWritten).orElse("ok"));
    SqlSession.sql(asWritten);
    out.println("Spark, the seed's CREATE TABLE: ran; columns " + SqlSession.hive().table("user_logs").columns().length);
    SqlSession.sql("DROP TABLE user_logs");   // EXTERNAL: dropping it leaves the files alone
    String fixed = String.format(FIXED_CREATE, root.resolve("warehouse/user_logs").toUri());
    out.println("Hive's parser, with `timestamp` and `date` quoted: " + HiveParser.problem(fixed).orElse("ok"));
    // end::reserved[]

    createUserLogs(root);
    out.println("SHOW PARTITIONS user_logs: " + SqlSession.sql("SHOW PARTITIONS user_logs").stream().map(r -> r.getString(0)).toList());
    out.println();
    out.println("the seed's daily query, January:");
    hiveQl(String.format(DAILY, "2024-01-01", "2024-01-31")).forEach(r -> out.println("  " + r));
    // tag::pruning[]
    int total = UserLogs.DAYS.size();
    List<String> january = prunedPartitions("2024-01-01", "2024-01-31");
    List<String> oneDay = prunedPartitions("2024-01-15", "2024-01-15");
    out.printf("partitions the plan reads, all of January: %d of %d %s%n", january.size(), total, january);
    out.printf("partitions the plan reads, 2024-01-15 only: %d of %d %s%n", oneDay.size(), total, oneDay);
    // end::pruning[]
    out.println();
    UserLogs.landUsers(root.resolve("data/users/users.csv"));
    hiveQl("CREATE EXTERNAL TABLE users (user_id INT, name STRING) ROW FORMAT DELIMITED FIELDS TERMINATED BY ',' "
        + "STORED AS TEXTFILE LOCATION '" + root.resolve("data/users").toUri() + "'");
    out.println("the seed's join, users with more than 10 actions on 2024-01-15:");
    hiveQl(JOIN).forEach(r -> out.println("  " + r));
    out.println("its scan of user_logs reads " + Plans.prunedPartitions(SqlSession.explain(JOIN, true)));
  }
}

/*
 * How to run it, from the repository root (Spark with Hive has its own class path, in its module, and
 * needs the project's engine JVM flags: Hive's classes reach into java.net):
tag::run[]
./mvnw -q -B -pl engines-dataflow/spark-sql -am package -DskipTests
java $(sed -n 's/^jvm.flags=//p' spec-tests/spi/target/classes/bigdatalab-engine-jvm.properties) \
  -cp "engines-dataflow/spark-sql/target/classes:$(cat engines-dataflow/spark-sql/target/lab-engine.classpath)" \
  org.bigdatalab.guide.Ch13_HiveQl
end::run[]
 */
