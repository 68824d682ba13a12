package org.bigdatalab.table.iceberg;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.spark.SparkCatalog;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.SparkSession;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.table.Column;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableSchema;

/**
 * {@code iceberg}: the table SPI on Apache Iceberg 1.11 with one Spark 4.0 session ({@code local[*]}
 * by default). Tables live in one Iceberg catalog, registered in Spark as {@code lab}: a Hadoop
 * catalog whose warehouse is a fresh temporary directory unless the options name another
 * warehouse, or another catalog altogether ({@code spark.sql.catalog.lab.type=rest},
 * {@code spark.sql.catalog.lab.uri=...}: any {@code spark.sql.catalog.lab.*} key is Iceberg's
 * catalog property). The adapter's own commits use the same catalog through Iceberg's core API
 * ({@link SparkCatalog#icebergCatalog()}), so Spark SQL and the core API see the same tables.
 * See {@link IcebergTable} for how each operation maps onto Iceberg.
 *
 * <p>Options: {@code spark.master} (default {@code local[*]}), {@code iceberg.warehouse} (a
 * directory or Hadoop URI), {@code iceberg.namespace} (default {@code lab}), any {@code spark.*} key
 * (after the defaults below), {@code log.level} (default ERROR). Writer-crash faults need
 * {@code local} masters and the default FileIO (see {@link CrashingFileIO}).
 *
 * <p>Only one SparkContext runs in a JVM: close this engine before creating another.
 */
public final class IcebergTables implements TableEngine {

  public static final EngineInfo INFO = EngineInfo.builder("iceberg", Topic.TABLE)
      .kind(EngineInfo.Kind.REAL)
      .displayName("Apache Iceberg on Spark")
      .description("Apache Iceberg 1.11 on Spark 4.0.4: a Hadoop catalog on local files by default, any catalog via options")
      .build();

  /**
   * {@code iceberg@standalone}: the same adapter with {@code spark.master=spark://127.0.0.1:<port>} on a
   * standalone master and worker in JVMs of their own ({@link org.bigdatalab.spi.fork.SparkStandaloneJvm}),
   * the Hadoop catalog's warehouse in a directory the driver and the executors share. MERGE's data
   * files are written by executors; the adapter's own writes, manifests and metadata by the driver.
   * An injected writer crash counts the driver's storage changes only (the FileIO that Spark
   * serializes to the executors is never armed there), so on this row a writer of a MERGE dies
   * after its data files.
   */
  public static final EngineInfo ON_STANDALONE = INFO.on("standalone",
      "a standalone cluster (master, worker, executors in separate JVMs)", Map.of());

  /** The name of the Iceberg catalog in Spark. */
  public static final String CATALOG = "lab";

  private final EngineInfo info;
  private final AutoCloseable cluster;
  private final SparkSession spark;
  private final Catalog catalog;
  private final Namespace namespace;

  public IcebergTables(EngineOptions options) {
    this(options, INFO, null);
  }

  /**
   * @param info    {@link #INFO}, or the row of the deployment it runs on
   * @param cluster stopped after the session: the cluster this engine started, or null
   */
  IcebergTables(EngineOptions options, EngineInfo info, AutoCloseable cluster) {
    this.info = info;
    this.cluster = cluster;
    String master = options.get("spark.master").orElse("local[*]");
    String prefix = "spark.sql.catalog." + CATALOG;
    SparkSession.Builder b = SparkSession.builder().appName("bigdata-lab iceberg").master(master)
        .config("spark.ui.enabled", "false")
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config(prefix, SparkCatalog.class.getName())
        .config(prefix + ".type", "hadoop")
        .config(prefix + ".warehouse", options.get("iceberg.warehouse").orElseGet(IcebergTables::temporaryWarehouse))
        // the adapter commits through the core API beside Spark: a cached table would hide those commits from MERGE
        .config(prefix + ".cache-enabled", "false")
        .config(prefix + ".io-impl", CrashingFileIO.class.getName())
        // tiny tables: a few shuffle partitions, not 200 (MERGE shuffles)
        .config("spark.sql.shuffle.partitions", "2");
    if (master.startsWith("local")) {
      b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
    }
    options.values().forEach((k, v) -> {
      if (k.startsWith("spark.")) {
        b.config(k, v);
      }
    });
    this.spark = b.getOrCreate();
    spark.sparkContext().setLogLevel(options.get("log.level").orElse("ERROR"));
    this.catalog = ((SparkCatalog) spark.sessionState().catalogManager().catalog(CATALOG)).icebergCatalog();
    this.namespace = Namespace.of(options.get("iceberg.namespace").orElse("lab"));
    if (catalog instanceof SupportsNamespaces ns && !ns.namespaceExists(namespace)) {
      ns.createNamespace(namespace);
    }
  }

  public IcebergTables() {
    this(EngineOptions.NONE);
  }

  private static String temporaryWarehouse() {
    try {
      return Files.createTempDirectory("iceberg-warehouse").toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Override public EngineInfo info() { return info; }

  /** The session the tables run on (MERGE runs as Spark SQL; the guide and benchmarks may use it too). */
  public SparkSession spark() { return spark; }

  /** The Iceberg catalog the tables are in (the same one Spark knows as {@value #CATALOG}). */
  public Catalog catalog() { return catalog; }

  /** The table's name in Spark SQL, quoted. */
  public String sqlName(String table) {
    return CATALOG + "." + namespace + ".`" + table + "`";
  }

  /**
   * Creates the Iceberg table (version 0: no snapshot yet), format version 2, copy-on-write MERGE
   * with serializable isolation (Iceberg's defaults, set so a user's catalog defaults cannot change
   * them). The clock is ignored: Iceberg stamps snapshots with the committing JVM's time, and the
   * spec reads them back from {@link Table#history()}.
   */
  @Override public Table create(String name, TableSchema schema, Clock clock) throws IOException {
    if (!name.matches("[a-z0-9_-]+")) {
      throw new IllegalArgumentException("table name '" + name + "' must be lower-case letters, digits, '-' and '_'");
    }
    TableIdentifier id = TableIdentifier.of(namespace, name);
    if (catalog.tableExists(id)) {
      throw new TableException(TableException.Problem.TABLE_EXISTS, id.toString(), "an Iceberg table is already there");
    }
    Schema iceberg = icebergSchema(schema);
    PartitionSpec.Builder spec = PartitionSpec.builderFor(iceberg);
    schema.partitionColumns().forEach(spec::identity);
    try {
      catalog.createTable(id, iceberg, spec.build(), Map.of(
          "format-version", "2",
          "write.merge.mode", "copy-on-write",
          "write.merge.isolation-level", "serializable",
          IcebergVersions.CREATED_AT, Long.toString(System.currentTimeMillis())));
    } catch (RuntimeException e) {
      throw new TableException(TableException.Problem.STORAGE, id.toString(), "create: " + e.getMessage(), e);
    }
    return new IcebergTable(this, id, schema);
  }

  static Schema icebergSchema(TableSchema schema) {
    List<Types.NestedField> fields = new ArrayList<>();
    int id = 1;
    for (Column c : schema.columns()) {
      org.apache.iceberg.types.Type type = switch (c.type()) {
        case LONG -> Types.LongType.get();
        case STRING -> Types.StringType.get();
      };
      fields.add(c.nullable() ? Types.NestedField.optional(id++, c.name(), type) : Types.NestedField.required(id++, c.name(), type));
    }
    return new Schema(fields);
  }

  @Override public void close() throws IOException {
    spark.stop();
    if (cluster != null) {
      try {
        cluster.close();
      } catch (Exception e) {
        throw new IOException("iceberg: stopping the cluster it started failed: " + e.getMessage(), e);
      }
    }
  }
}
