package org.bigdatalab.cap.reference;

import static org.bigdatalab.cap.CapClauses.AP_ANOMALIES_REPORTED;
import static org.bigdatalab.cap.CapClauses.AP_AVAILABLE;
import static org.bigdatalab.cap.CapClauses.AP_CONVERGES;

import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * {@code cap-primary-backup}: a primary with synchronous backups and a configuration service,
 * modelled on Kafka's acks=all with min.insync.replicas = a majority (see {@link PrimaryBackupNode}
 * and {@link ConfigService}). With {@code unclean=true} the service may elect a replica that is not
 * in sync when none that is can be reached (Kafka's unclean.leader.election.enable): the store
 * stays available longer and loses acknowledged writes, which {@code cap.cp.no-acked-write-lost}
 * shows.
 */
public final class PrimaryBackupStore implements CapEngine {
  static final EngineInfo INFO = EngineInfo.builder("cap-primary-backup", Topic.CAP)
      .displayName("Primary-backup store with ISR (simulated)")
      .description("CP: the primary answers once every in-sync replica has the state and the ISR is a majority; "
          + "a configuration service elects primaries from the ISR (option unclean=true: from any replica)")
      .unsupported(AP_AVAILABLE, "CP: without a majority ISR, or cut off from its primary, a replica refuses or times out")
      .unsupported(AP_CONVERGES, "CP: backups copy the primary's state; there is nothing to converge")
      .unsupported(AP_ANOMALIES_REPORTED, "CP: its histories are checked for linearizability instead")
      .build();

  private final boolean unclean;

  public PrimaryBackupStore(boolean unclean) {
    this.unclean = unclean;
  }

  public boolean unclean() { return unclean; }

  @Override public EngineInfo info() { return INFO; }
  @Override public Consistency consistency() { return Consistency.CP; }

  @Override
  public Cluster start(ClusterConfig config) {
    // One service node besides the replicas: the configuration service.
    return SimCluster.of(config, 1, PrimaryBackupNode.Disk::new, (ctx, disk) -> ctx.self() < ctx.nodes()
        ? new PrimaryBackupNode(ctx, disk) : new ConfigService(ctx, disk, unclean));
  }
}
