package org.bigdatalab.cap.zookeeper;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code zookeeper}. Options: {@code connect}, {@code namespace} (see {@link ZooKeeperStore}). */
public final class ZooKeeperStoreProvider implements EngineProvider {
  @Override public EngineInfo info() { return ZooKeeperStore.INFO; }
  @Override public Engine create(EngineOptions options) { return new ZooKeeperStore(options); }
}
