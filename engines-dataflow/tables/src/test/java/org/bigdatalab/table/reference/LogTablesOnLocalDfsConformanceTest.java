package org.bigdatalab.table.reference;

import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.table.TableEngine;
import org.bigdatalab.table.spec.TableSpec;

/**
 * Runs the table spec against {@code table-log} on {@code dfs-local} (block files, checksums and
 * an edit log on disk): the same format through a store whose rename refuses by throwing. Fewer
 * cases than on dfs-memory: every file is several disk writes, and the rules under test are the
 * log's, already run in full there.
 */
@PropertyDefaults(tries = 15)
class LogTablesOnLocalDfsConformanceTest extends TableSpec {
  @Override protected TableEngine createEngine() {
    return new LogTables(EngineOptions.parse(java.util.List.of("table.dfs=dfs-local")));
  }
}
