package org.bigdatalab.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.config.Property;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession with Hive support a JVM gets: {@code local[2]}, the Hive metastore in an
 * embedded Derby database and the warehouse both in a temporary directory, so nothing is left in the
 * working directory (Spark's defaults would write {@code metastore_db/}, {@code derby.log} and
 * {@code spark-warehouse/} there). Starting the metastore costs most of the first query's time (Derby
 * schema creation through DataNucleus, about 15 s on two busy cores), so every program and test in a
 * JVM shares this session.
 *
 * <p>Spark warns, and does nothing else, when a script sets a {@code hive.*} key it does not read; those
 * warnings go to the log, where a reader of the chapter would never see them, so this class keeps
 * them ({@link #hiveSettingWarnings}).
 */
public final class SqlSession {
  /** The logger Spark's {@code SET} command warns through. */
  static final String SET_COMMAND_LOGGER = "org.apache.spark.sql.execution.command.SetCommand";

  private static SparkSession session;
  private static Path dir;
  private static final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

  private SqlSession() {}

  /** This JVM's session, started on first use. */
  public static synchronized SparkSession hive() {
    if (session == null) {
      try {
        dir = Files.createTempDirectory("bigdatalab-sql");
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create a directory for the Hive metastore", e);
      }
      System.setProperty("derby.system.home", dir.toString());   // derby.log goes here, not to the working directory
      session = SparkSession.builder().appName("bigdata-lab sql").master("local[2]")
          .config("spark.ui.enabled", "false")
          .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .config("spark.sql.warehouse.dir", dir.resolve("warehouse").toString())
          .config("spark.hadoop.javax.jdo.option.ConnectionURL",
              "jdbc:derby:;databaseName=" + dir.resolve("metastore_db") + ";create=true")
          .enableHiveSupport()
          .getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
      keepWarnings(SET_COMMAND_LOGGER);   // after the start: Spark loads its own Log4j profile when it starts
      Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
    }
    return session;
  }

  /** A fresh directory under the session's temporary directory, for a program's files. */
  public static Path scratch(String name) {
    hive();
    try {
      return Files.createTempDirectory(dir, name);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch directory " + name, e);
    }
  }

  /** Runs one statement and returns its rows (DDL returns none). */
  public static List<Row> sql(String statement) {
    return hive().sql(statement).collectAsList();
  }

  /** EXPLAIN's text for a query: the physical plan, or with {@code extended} all four plans. */
  public static String explain(String query, boolean extended) {
    return hive().sql((extended ? "EXPLAIN EXTENDED " : "EXPLAIN ") + query).collectAsList().get(0).getString(0);
  }

  /** The warnings Spark logged for {@code SET hive.*} statements since the last call, and forgets them. */
  public static List<String> hiveSettingWarnings() {
    synchronized (warnings) {
      List<String> copy = List.copyOf(warnings);
      warnings.clear();
      return copy;
    }
  }

  /** Adds an appender that keeps {@code logger}'s WARN messages in {@link #warnings}. */
  private static void keepWarnings(String logger) {
    LoggerContext context = (LoggerContext) LogManager.getContext(false);
    Configuration config = context.getConfiguration();
    AbstractAppender keep = new AbstractAppender("bigdatalab-set-warnings", null, null, true, Property.EMPTY_ARRAY) {
      @Override
      public void append(LogEvent event) {
        warnings.add(event.getMessage().getFormattedMessage());
      }
    };
    keep.start();
    config.addAppender(keep);
    LoggerConfig kept = new LoggerConfig(logger, Level.WARN, false);
    kept.addAppender(keep, Level.WARN, null);
    config.addLogger(logger, kept);
    context.updateLoggers();
  }

  private static void deleteQuietly(Path root) {
    try (var walk = Files.walk(root)) {
      walk.sorted(Collections.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory; the OS cleans up what is left
    }
  }
}
