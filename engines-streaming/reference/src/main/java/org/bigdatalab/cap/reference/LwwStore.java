package org.bigdatalab.cap.reference;

import static org.bigdatalab.cap.CapClauses.CP_LINEARIZABLE;
import static org.bigdatalab.cap.CapClauses.CP_MINORITY_UNAVAILABLE;
import static org.bigdatalab.cap.CapClauses.CP_NO_ACKED_WRITE_LOST;

import org.bigdatalab.cap.CapEngine;
import org.bigdatalab.cap.Cluster;
import org.bigdatalab.cap.ClusterConfig;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/** {@code cap-lww}: an AP register store, last-writer-wins by hybrid logical clock with anti-entropy (see {@link LwwNode}). */
public class LwwStore implements CapEngine {
  static final EngineInfo INFO = EngineInfo.builder("cap-lww", Topic.CAP)
      .displayName("Last-writer-wins store with HLC (simulated)")
      .description("AP: any node takes reads and writes at once; replicas exchange writes and run anti-entropy; the largest hybrid-logical-clock stamp wins")
      .unsupported(CP_LINEARIZABLE, "AP: during a partition both sides answer, so reads can be stale and histories not linearizable")
      .unsupported(CP_NO_ACKED_WRITE_LOST, "AP: of two concurrent acknowledged writes, last-writer-wins keeps one and loses the other")
      .unsupported(CP_MINORITY_UNAVAILABLE, "AP: the minority side keeps answering, by design")
      .build();

  @Override public EngineInfo info() { return INFO; }
  @Override public Consistency consistency() { return Consistency.AP; }

  @Override
  public Cluster start(ClusterConfig config) {
    return SimCluster.of(config, 0, LwwNode.Disk::new, this::node);
  }

  /** The replica this store runs; a broken variant returns one that cuts a corner. */
  protected LwwNode node(NodeContext ctx, LwwNode.Disk disk) {
    return new LwwNode(ctx, disk);
  }
}
