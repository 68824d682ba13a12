package org.bigdatalab.table.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code table-memory}. It takes no options. */
public final class MemoryTablesProvider implements EngineProvider {
  @Override public EngineInfo info() { return MemoryTables.INFO; }
  @Override public Engine create(EngineOptions options) { return new MemoryTables(); }
}
