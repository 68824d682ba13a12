package org.bigdatalab.table.delta;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code delta}. Options: see {@link DeltaTables}. */
public final class DeltaTablesProvider implements EngineProvider {
  @Override public EngineInfo info() { return DeltaTables.INFO; }
  @Override public Engine create(EngineOptions options) { return new DeltaTables(options); }
}
