package org.bigdatalab.table.reference;

import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.spec.TableSpec;

/** Runs the whole table spec against {@code table-log} on its default store, {@code dfs-memory}. */
class LogTablesConformanceTest extends TableSpec {
  @Override protected TableEngine createEngine() { return new LogTables(); }
}
