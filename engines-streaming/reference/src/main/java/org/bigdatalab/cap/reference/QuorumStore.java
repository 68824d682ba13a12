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
 * {@code cap-quorum}: a CP register store, a Raft-style leader with a majority-replicated log on the
 * simulated network (see {@link QuorumNode}).
 *
 * <p>Why a log and not ABD's majority-quorum registers: ABD (Attiya, Bar-Noy and Dolev, 1995) makes
 * reads and writes linearizable with two quorum round trips and no leader, but a compare-and-set
 * needs consensus, which no read/write quorum protocol gives (Herlihy's consensus hierarchy puts
 * registers at consensus number 1). A leader that orders every operation in a log replicated to a
 * majority gives read, write and compare-and-set with one round trip from the leader.
 */
public class QuorumStore implements CapEngine {
  static final EngineInfo INFO = EngineInfo.builder("cap-quorum", Topic.CAP)
      .displayName("Raft-style quorum store (simulated)")
      .description("CP: a leader orders every operation in a log; an operation takes effect once a majority holds it")
      .unsupported(AP_AVAILABLE, "CP: a node cut off from the majority refuses or times out, by design")
      .unsupported(AP_CONVERGES, "CP: replicas never diverge, so there is nothing to converge; a lagging one catches up from the log")
      .unsupported(AP_ANOMALIES_REPORTED, "CP: it gives up availability, not consistency; its histories are checked for linearizability instead")
      .build();

  @Override public EngineInfo info() { return INFO; }
  @Override public Consistency consistency() { return Consistency.CP; }

  @Override
  public Cluster start(ClusterConfig config) {
    return SimCluster.of(config, 0, QuorumNode.Disk::new, this::node);
  }

  /** The replica this store runs; a broken variant returns one that cuts a corner. */
  protected QuorumNode node(NodeContext ctx, QuorumNode.Disk disk) {
    return new QuorumNode(ctx, disk);
  }
}
