package org.bigdatalab.dfs.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code dfs-memory}. It takes no options. */
public final class MemoryDfsProvider implements EngineProvider {
  @Override public EngineInfo info() { return MemoryDfs.INFO; }
  @Override public Engine create(EngineOptions options) { return new MemoryDfs(); }
}
