package org.bigdatalab.cap.reference;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code cap-lww}. It takes no options. */
public final class LwwStoreProvider implements EngineProvider {
  @Override public EngineInfo info() { return LwwStore.INFO; }
  @Override public Engine create(EngineOptions options) { return new LwwStore(); }
}
