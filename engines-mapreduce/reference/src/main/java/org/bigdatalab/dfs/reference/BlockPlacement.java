package org.bigdatalab.dfs.reference;

import java.util.List;

/**
 * Chooses the DataNodes of a block's replicas. The stores use {@link RackAwarePlacement}, HDFS's
 * default policy; the suite's broken stores swap in wrong ones to show the placement clauses bite.
 */
interface BlockPlacement {

  /** Up to {@code request.count()} new targets, first one first; fewer when the cluster has no more room. */
  List<DataNode> chooseTargets(PlacementRequest request);
}
