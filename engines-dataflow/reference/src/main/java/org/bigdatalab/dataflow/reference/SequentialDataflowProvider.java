package org.bigdatalab.dataflow.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code df-sequential}. It takes no options. */
public final class SequentialDataflowProvider implements EngineProvider {
  @Override public EngineInfo info() { return SequentialDataflow.INFO; }
  @Override public Engine create(EngineOptions options) { return new SequentialDataflow(); }
}
