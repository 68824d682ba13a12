package org.bigdatalab.table.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code table-log}; see {@link LogTables} for its options. */
public final class LogTablesProvider implements EngineProvider {
  @Override public EngineInfo info() { return LogTables.INFO; }
  @Override public Engine create(EngineOptions options) { return new LogTables(options); }
}
