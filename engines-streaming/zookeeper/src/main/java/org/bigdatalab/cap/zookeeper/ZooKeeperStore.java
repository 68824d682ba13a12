package org.bigdatalab.cap.zookeeper;

import static org.bigdatalab.cap.CapClauses.AP_ANOMALIES_REPORTED;
import static org.bigdatalab.cap.CapClauses.AP_AVAILABLE;
import static org.bigdatalab.cap.CapClauses.AP_CONVERGES;
import static org.bigdatalab.cap.CapClauses.PACELC_LATENCY;

import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;

/**
 * {@code zookeeper}: real Apache ZooKeeper as a CP register store. By default each cluster is an
 * ensemble of real servers in this JVM (Curator's TestingCluster, tick time 200 ms); node i of the
 * cluster is a client connected to server i only. A key is a znode, a write sets its data, a
 * compare-and-set sets it at the version the client read, and a read first syncs its server with
 * the leader (ZooKeeper serves plain reads from the local server, which may lag).
 *
 * <p>Where it differs from the simulated stores (see {@link ZooKeeperCluster}): time is real; a
 * partition stops the servers of its smaller side (the ensemble's network cannot be cut from the
 * outside without proxies); a crash that loses the disk keeps it; dropped, delayed and duplicated
 * messages and clock skew are not injected (TCP retransmits and orders ZooKeeper's messages, and
 * ZooKeeper's safety reads no wall clock).
 *
 * <p>Options: {@code connect=host:2181,...} uses a running ensemble instead (node i is the i-th
 * server; faults are refused), {@code namespace} (default {@code bigdatalab-cap}) is the znode
 * every key lives under.
 */
public final class ZooKeeperStore implements CapEngine {
  static final EngineInfo INFO = EngineInfo.builder("zookeeper", Topic.CAP)
      .displayName("Apache ZooKeeper")
      .kind(EngineInfo.Kind.REAL)
      .description("CP: a ZooKeeper ensemble (Zab), a znode per key, compare-and-set by znode version, sync before reads")
      .unsupported(AP_AVAILABLE, "CP: a server without a quorum refuses clients, by design")
      .unsupported(AP_CONVERGES, "CP: followers apply the leader's transaction log; there is nothing to converge")
      .unsupported(AP_ANOMALIES_REPORTED, "CP: its histories are checked for linearizability instead")
      .unsupported(PACELC_LATENCY, "real time on loopback: a quorum round trip costs far less than the simulated"
          + " network's 10 ms, so the clause's simulated-time comparison does not apply")
      .build();

  /**
   * {@code zookeeper@ensemble}: each cluster an ensemble of server processes on 127.0.0.1
   * ({@link ZooKeeperServerJvm}), the clients connecting as to a running ensemble; a partition or a
   * crash ends real server processes and a restart starts them again on their data directories.
   * A {@code connect=} in the options (meant for {@code zookeeper} in a run of several engines) is not used.
   */
  static final EngineInfo ON_ENSEMBLE = INFO.on("ensemble", "an ensemble of separate server JVMs", java.util.Map.of());

  private final EngineOptions options;
  private final EngineInfo info;

  public ZooKeeperStore(EngineOptions options) {
    this(options, INFO);
  }

  ZooKeeperStore(EngineOptions options, EngineInfo info) {
    this.options = options;
    this.info = info;
  }

  @Override public EngineInfo info() { return info; }
  @Override public Consistency consistency() { return Consistency.CP; }

  @Override
  public Cluster start(ClusterConfig config) {
    String namespace = options.get("namespace").orElse("bigdatalab-cap");
    if (info == ON_ENSEMBLE) {
      return ZooKeeperCluster.processes(config, namespace);
    }
    return options.get("connect")
        .map(connect -> ZooKeeperCluster.remote(config, connect, namespace))
        .orElseGet(() -> ZooKeeperCluster.embedded(config, namespace));
  }
}
