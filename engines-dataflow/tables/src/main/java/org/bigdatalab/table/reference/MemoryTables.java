package org.bigdatalab.table.reference;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.table.Table;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.TableException;
import org.bigdatalab.table.TableSchema;

/**
 * {@code table-memory}: the oracle of the table topic. Versions live in memory: the log is a map
 * whose {@code putIfAbsent} publishes a version, each data file a list of rows. It shares
 * {@link LogTable}'s commit, snapshot and vacuum rules with {@code table-log}, so the two differ
 * only in storage; the suite's own row model (TableModel) is what both are checked against.
 */
public class MemoryTables implements TableEngine {

  public static final EngineInfo INFO = EngineInfo.builder("table-memory", Topic.TABLE)
      .displayName("Table in memory (oracle)")
      .description("a log of commits over immutable in-memory data files; optimistic concurrency by putIfAbsent")
      .build();

  private final Map<String, Table> tables = new ConcurrentHashMap<>();

  @Override public EngineInfo info() { return INFO; }

  @Override public synchronized Table create(String name, TableSchema schema, Clock clock) throws IOException {
    if (tables.containsKey(name)) {
      throw new TableException(TableException.Problem.TABLE_EXISTS, name, "a table of this name exists");
    }
    Table table = table(name, schema, clock, new MemoryStore(name));
    tables.put(name, table);
    return table;
  }

  /** The table over its store; broken tables override it. */
  protected LogTable table(String name, TableSchema schema, Clock clock, TableStore store) throws IOException {
    return new LogTable(name, schema, clock, store, new Planner(name, schema));
  }
}
