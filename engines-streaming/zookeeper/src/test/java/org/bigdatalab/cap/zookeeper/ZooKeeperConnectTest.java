package org.bigdatalab.cap.zookeeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.cap.Operation;
import org.bigdatalab.cap.RegisterOp;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code zookeeper} with {@code connect=}, as a user points it at a running ensemble: here three
 * server processes on 127.0.0.1 that the test starts and stops. A write through one server is read
 * through the others, and faults are refused (nobody may stop a user's servers).
 */
@Tag("cluster")
class ZooKeeperConnectTest {
  @Test
  void aRunningEnsembleIsUsedThroughConnectAndNeverCut() throws Exception {
    try (ZooKeeperServerJvm ensemble = ZooKeeperServerJvm.start(3, 200)) {
      ZooKeeperStore store = new ZooKeeperStore(new EngineOptions(Map.of("connect", String.join(",", ensemble.connectStrings()),
          "namespace", "connect-test")));
      try (Cluster cluster = store.start(ClusterConfig.of(3, 0))) {
        cluster.invoke(0, new RegisterOp.Write("k", 7));
        cluster.runFor(500);
        cluster.invoke(1, new RegisterOp.Read("k"));
        cluster.invoke(2, new RegisterOp.Read("k"));
        cluster.runFor(500);
        assertThat(cluster.history().operations()).hasSize(3).allSatisfy(o -> assertThat(o.ok()).as("%s", o).isTrue());
        assertThat(cluster.history().operations().stream().filter(o -> o.op() instanceof RegisterOp.Read).map(Operation::value))
            .containsOnly(7);
        assertThatThrownBy(() -> cluster.network().partition(Set.of(0))).isInstanceOf(UnsupportedOperationException.class)
            .hasMessageContaining("connect=");
      }
    }
  }
}
