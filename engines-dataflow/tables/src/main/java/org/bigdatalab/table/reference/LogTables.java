package org.bigdatalab.table.reference;

import java.io.IOException;
import java.time.Clock;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DfsPath;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableSchema;

/**
 * {@code table-log}: tables as directories of a DFS store, written only through the DFS SPI, so
 * the same format runs on {@code dfs-memory}, {@code dfs-local} or real HDFS ({@code dfs-hdfs}).
 * Each table is {@code <table.root>/<name>}: JSON-lines data files in Hive partition directories
 * and a {@code _log/} of JSON commit files published by rename (see {@link DfsStore}).
 *
 * <p>Options: {@code table.dfs} (the store's engine id, default {@code dfs-memory}; every option
 * also reaches that engine, so {@code fs.defaultFS=hdfs://…} does), {@code table.root} (default
 * {@code /tables}), {@code table.dfs.replication} (default 1: the log's guarantees do not depend
 * on replicas, and the DFS suite checks those). One cluster is started for the engine's life.
 */
public class LogTables implements TableEngine {

  public static final EngineInfo INFO = EngineInfo.builder("table-log", Topic.TABLE)
      .displayName("Table log on a DFS")
      .description("JSON commit files published by put-if-absent rename, JSON-lines data files in Hive partition"
          + " directories, through the DFS SPI (dfs-memory by default, dfs-local, dfs-hdfs)")
      .build();

  private final DfsEngine dfsEngine;
  private final boolean ownsDfsEngine;
  private final DfsPath root;
  private final int replication;
  private DistributedFileSystem fs;

  public LogTables() {
    this(EngineOptions.NONE);
  }

  public LogTables(EngineOptions options) {
    this(EngineRegistry.load().create(options.get("table.dfs").orElse("dfs-memory"), DfsEngine.class, options), true, options);
  }

  /** On the given store engine, which the caller closes. */
  public LogTables(DfsEngine dfs) {
    this(dfs, false, EngineOptions.NONE);
  }

  private LogTables(DfsEngine dfs, boolean owns, EngineOptions options) {
    this.dfsEngine = dfs;
    this.ownsDfsEngine = owns;
    this.root = new DfsPath(options.get("table.root").orElse("/tables"));
    this.replication = options.getInt("table.dfs.replication", 1);
  }

  @Override public EngineInfo info() { return INFO; }

  @Override public synchronized Table create(String name, TableSchema schema, Clock clock) throws IOException {
    if (!name.matches("[a-z0-9_-]+")) {
      throw new IllegalArgumentException("table name '" + name + "' must be lower-case letters, digits, '-' and '_'");
    }
    DfsPath dir = root.child(name);
    if (fs().exists(dir)) {
      throw new TableException(TableException.Problem.TABLE_EXISTS, dir.value(), "a table (or file) is already there");
    }
    return table(dir.value(), schema, clock, new DfsStore(fs(), dir, new JsonCodec(schema)));
  }

  /** The table over its store; broken tables override it. */
  protected LogTable table(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
    return new LogTable(name, schema, clock, store, new Planner(name, schema));
  }

  private DistributedFileSystem fs() throws IOException {
    if (fs == null) {
      fs = dfsEngine.start(ClusterSpec.builder().rack("rack1", "dn1", "dn2", "dn3")
          .blockSize(64 * 1024).replication(replication).writerNode("dn1").build());
    }
    return fs;
  }

  @Override public synchronized void close() throws IOException {
    try {
      if (fs != null) {
        fs.close();
      }
    } finally {
      if (ownsDfsEngine) {
        dfsEngine.close();
      }
    }
  }
}
