package org.bigdatalab.cap.zookeeper;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/** Registers {@code zookeeper}. Options: {@code connect}, {@code namespace} (see {@link ZooKeeperStore}). */
public final class ZooKeeperStoreProvider implements EngineProvider {
  @Override public EngineInfo info() { return ZooKeeperStore.INFO; }
  @Override public Engine create(EngineOptions options) { return new ZooKeeperStore(options); }

  /** Registers {@code zookeeper@ensemble}: the same store on server processes of its own (option {@code namespace}). */
  public static final class OnEnsemble implements EngineProvider {
    @Override public EngineInfo info() { return ZooKeeperStore.ON_ENSEMBLE; }
    @Override public Engine create(EngineOptions options) { return new ZooKeeperStore(options, ZooKeeperStore.ON_ENSEMBLE); }
  }
}
