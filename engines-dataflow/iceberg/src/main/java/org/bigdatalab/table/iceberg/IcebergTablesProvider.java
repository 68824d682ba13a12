package org.bigdatalab.table.iceberg;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code iceberg}. Options: see {@link IcebergTables}. */
public final class IcebergTablesProvider implements EngineProvider {
  @Override public EngineInfo info() { return IcebergTables.INFO; }
  @Override public Engine create(EngineOptions options) { return new IcebergTables(options); }
}
