package org.bigdatalab.cap.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code cap-quorum}. It takes no options. */
public final class QuorumStoreProvider implements EngineProvider {
  @Override public EngineInfo info() { return QuorumStore.INFO; }
  @Override public Engine create(EngineOptions options) { return new QuorumStore(); }
}
