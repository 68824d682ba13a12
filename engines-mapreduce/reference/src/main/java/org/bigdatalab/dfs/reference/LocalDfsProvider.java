package org.bigdatalab.dfs.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code dfs-local}. Option: {@code dfs.local.dir} (where clusters are created). */
public final class LocalDfsProvider implements EngineProvider {
  @Override public EngineInfo info() { return LocalDfs.INFO; }
  @Override public Engine create(EngineOptions options) { return new LocalDfs(options); }
}
