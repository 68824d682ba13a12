package org.bigdatalab.table.reference;

import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.spec.TableSpec;

/** Runs the whole table spec against {@code table-memory}. */
class MemoryTablesConformanceTest extends TableSpec {
  @Override protected TableEngine createEngine() { return new MemoryTables(); }
}
