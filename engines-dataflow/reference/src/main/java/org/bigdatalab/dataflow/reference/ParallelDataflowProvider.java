package org.bigdatalab.dataflow.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code df-parallel}. Option: {@code threads} (default: available processors). */
public final class ParallelDataflowProvider implements EngineProvider {
  @Override public EngineInfo info() { return ParallelDataflow.INFO; }

  @Override
  public Engine create(EngineOptions options) {
    return new ParallelDataflow(options.getInt("threads", Runtime.getRuntime().availableProcessors()));
  }
}
