package org.bigdatalab.table.delta;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableSchema;

/**
 * {@code delta}: the table SPI on Delta Lake 4.0 over one Spark 4.0 session ({@code local[*]} by
 * default). Each table is a Delta table at {@code <delta.root>/<name>}. See {@link DeltaLakeTable}
 * for how each operation maps to Delta, and where Delta and the SPI differ.
 *
 * <p>Options: {@code spark.master} (default {@code local[*]}), {@code delta.root} (a directory or
 * any Hadoop URI; default a fresh temporary directory), any other {@code spark.*} key (to Spark's
 * configuration, after the defaults below), {@code log.level} (default ERROR). Writer-crash faults
 * need {@code local} masters, or the cluster of {@link #ON_STANDALONE} (see {@link CrashingLocalFileSystem}).
 *
 * <p>Only one SparkContext runs in a JVM: close this engine before creating another.
 */
public final class DeltaTables implements TableEngine {

  public static final EngineInfo INFO = EngineInfo.builder("delta", Topic.TABLE)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Delta Lake on Spark")
      .description("Delta Lake 4.0.1 on Spark 4.0.4: local[*] by default, any master and table root via options")
      .build();

  /**
   * {@code delta@standalone}: the same adapter with {@code spark.master=spark://127.0.0.1:<port>} on a
   * standalone master and worker in JVMs of their own ({@link org.bigdatalab.spi.fork.SparkStandaloneJvm}),
   * tables under a directory the driver and the executors share. The executors write the data files;
   * the driver plans, commits and reads the log. An injected writer crash counts the driver's storage
   * changes only (the executors' copies of {@link CrashingLocalFileSystem} are never armed), so on
   * this row a writer dies at its commit, never between two data files.
   */
  public static final EngineInfo ON_STANDALONE = INFO.on("standalone",
      "a standalone cluster (master, worker, executors in separate JVMs)", Map.of());

  private final EngineInfo info;
  private final AutoCloseable cluster;
  private final SparkSession spark;
  private final String root;

  public DeltaTables(EngineOptions options) {
    this(options, INFO, null);
  }

  /**
   * @param info    {@link #INFO}, or the row of the deployment it runs on
   * @param cluster stopped after the session: the cluster this engine started, or null
   */
  DeltaTables(EngineOptions options, EngineInfo info, AutoCloseable cluster) {
    this.info = info;
    this.cluster = cluster;
    String master = options.get("spark.master").orElse("local[*]");
    SparkSession.Builder b = SparkSession.builder().appName("bigdata-lab delta").master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
        .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
        // tiny tables: a few shuffle partitions, not 200 (MERGE, vacuum and the checks shuffle)
        .config("spark.sql.shuffle.partitions", "2")
        // a snapshot's state is rebuilt from the log in 50 tasks by default: ten times the work of these logs
        .config("spark.databricks.delta.snapshotPartitions", "2")
        // ENGINES.md: VACUUM lists with 10,000 tasks otherwise (126 s against 22 s)
        .config("spark.sql.sources.parallelPartitionDiscovery.parallelism", "4")
        // the spec vacuums with retentions of seconds; Delta refuses under 168 h unless told
        .config("spark.databricks.delta.retentionDurationCheck.enabled", "false")
        // Delta 4 records VACUUM START and END as commits; the SPI's versions are writes only
        .config("spark.databricks.delta.vacuum.logging.enabled", "false")
        // plans walked for the files a scan opened: no adaptive wrapper around them
        .config("spark.sql.adaptive.enabled", "false");
    if (master.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    if (master.startsWith("local") || cluster != null) {
      // local files through a file system whose writer can crash on request (TableFaults); also on a
      // cluster this engine started, whose executors get the class with the lab's jars (and never arm it);
      // commit files through it too: Delta's default HDFSLogStore writes by FileContext, which bypasses it
      b.config("spark.hadoop.fs.file.impl", CrashingLocalFileSystem.class.getName())
          .config("spark.hadoop.fs.file.impl.disable.cache", "true")
          .config("spark.delta.logStore.file.impl", "io.delta.storage.LocalLogStore");
    }
    options.values().forEach((k, v) -> {
      if (k.startsWith("spark.")) {
        b.config(k, v);
      }
    });
    this.spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(options.get("log.level").orElse("ERROR"));
    // Hadoop's form of the path (file:/tmp/x, not file:///tmp/x): Delta refuses a CREATE whose location
    // it spells differently from the table's own
    this.root = new org.apache.hadoop.fs.Path(options.get("delta.root").orElseGet(DeltaTables::temporaryRoot)).toString();
  }

  public DeltaTables() {
    this(EngineOptions.NONE);
  }

  private static String temporaryRoot() {
    try {
      return Files.createTempDirectory("delta-tables").toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override public EngineInfo info() { return info; }

  /** The session the tables run on (the guide's programs use it to show Delta's own API beside the SPI). */
  public SparkSession spark() { return spark; }

  /**
   * Creates the Delta table (version 0: Delta's CREATE TABLE). The clock is ignored: Delta stamps
   * commits with the storage's time, and the spec reads them back from {@link Table#history()}.
   */
  @Override public Table create(String name, TableSchema schema, Clock clock) throws IOException {
    if (!name.matches("[a-z0-9_-]+")) {
      throw new IllegalArgumentException("table name '" + name + "' must be lower-case letters, digits, '-' and '_'");
    }
    String path = pathOf(name);
    if (org.apache.spark.sql.delta.DeltaLog.forTable(spark, path).tableExists()) {
      throw new TableException(TableException.Problem.TABLE_EXISTS, path, "a Delta table is already there");
    }
    return DeltaLakeTable.create(spark, name, path, schema);
  }

  /** Where the table of that name lives (Delta's own API reads it there). */
  public String pathOf(String table) {
    return root.endsWith("/") ? root + table : root + "/" + table;
  }

  @Override public void close() throws IOException {
    spark.stop();
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        throw new IOException("delta: stopping the cluster it started failed: " + e.getMessage(), e);
      }
    }
  }
}
