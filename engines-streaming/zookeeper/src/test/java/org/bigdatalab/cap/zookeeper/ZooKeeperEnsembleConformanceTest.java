package org.bigdatalab.cap.zookeeper;

import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.spec.CapSpec;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Tag;

/**
 * The CAP spec against {@code zookeeper@ensemble}: every case an ensemble of three server JVMs on
 * 127.0.0.1 (logs under {@code target/cluster-logs/}), clients connecting over the network, a
 * partition or crash ending real server processes. One case per property ({@code zookeeper.schedules}).
 */
@Tag("cluster")
@PropertyDefaults(tries = 1, triesProperty = "zookeeper.schedules")
class ZooKeeperEnsembleConformanceTest extends CapSpec {
  @Override
  protected CapEngine createEngine() {
    return (CapEngine) new ZooKeeperStoreProvider.OnEnsemble().create(EngineOptions.NONE);
  }
}
