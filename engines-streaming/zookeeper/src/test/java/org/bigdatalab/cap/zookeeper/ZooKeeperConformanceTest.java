package org.bigdatalab.cap.zookeeper;

import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.spec.CapSpec;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;

/**
 * Runs the CAP spec against a real ZooKeeper ensemble. Real time: each schedule takes seconds and
 * each case starts an ensemble, so a few cases per property ({@code zookeeper.schedules}).
 */
@PropertyDefaults(tries = 1, triesProperty = "zookeeper.schedules")
class ZooKeeperConformanceTest extends CapSpec {
  @Override
  protected CapEngine createEngine() {
    return new ZooKeeperStore(EngineOptions.NONE);
  }
}
