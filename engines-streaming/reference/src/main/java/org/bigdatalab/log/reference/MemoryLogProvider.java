package org.bigdatalab.log.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code log-memory}. It takes no options. */
public final class MemoryLogProvider implements EngineProvider {
  @Override public EngineInfo info() { return MemoryLog.INFO; }
  @Override public Engine create(EngineOptions options) { return new MemoryLog(); }
}
