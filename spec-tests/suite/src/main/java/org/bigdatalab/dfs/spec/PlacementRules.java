package org.bigdatalab.dfs.spec;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bigdatalab.dfs.ClusterSpec;

/**
 * The suite's own statement of HDFS's replica-count rules, kept apart from any engine's code so a
 * store's mistake cannot hide in a shared helper.
 *
 * <p>Example: r = 3 on 2 racks of 3 live nodes: the limit is (3 - 1) / 2 + 2 = 3, which equals r,
 * so it drops to 2: no rack holds all three replicas, and a block gets exactly 3.
 */
public final class PlacementRules {
  private PlacementRules() {}

  /** BlockPlacementPolicyDefault's maxNodesPerRack, for r replicas among the live nodes and racks. */
  public static int maxPerRack(int replication, int liveNodes, int racks) {
    int total = Math.min(replication, liveNodes);
    if (racks <= 1 || total <= 1) {
      return Math.max(total, 1);
    }
    int max = (total - 1) / racks + 2;
    return max == total ? max - 1 : max;
  }

  /** How many replicas each block has after a write or a replication check with these nodes live. */
  public static int expectedReplicas(ClusterSpec spec, Collection<String> liveNodes) {
    Map<String, Integer> perRack = new HashMap<>();
    liveNodes.forEach(n -> perRack.merge(spec.rackOf(n), 1, Integer::sum));
    int limit = maxPerRack(spec.replication(), liveNodes.size(), perRack.size());
    int achievable = perRack.values().stream().mapToInt(c -> Math.min(c, limit)).sum();
    return Math.min(Math.min(spec.replication(), liveNodes.size()), achievable);
  }

  public static List<String> allNodes(ClusterSpec spec) {
    return spec.dataNodes().stream().map(d -> d.id()).toList();
  }
}
