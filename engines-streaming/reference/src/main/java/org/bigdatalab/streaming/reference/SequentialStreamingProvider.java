package org.bigdatalab.streaming.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code stream-sequential}. It takes no options. */
public final class SequentialStreamingProvider implements EngineProvider {
  @Override public EngineInfo info() { return SequentialStreaming.INFO; }
  @Override public Engine create(EngineOptions options) { return new SequentialStreaming(); }
}
