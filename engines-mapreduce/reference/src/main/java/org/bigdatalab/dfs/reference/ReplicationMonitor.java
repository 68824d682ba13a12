package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bigdatalab.dfs.ClusterSpec;

/**
 * The NameNode's replication monitor, run as one explicit step (HDFS runs it every few seconds;
 * tests must not wait on a clock). It repairs what faults left behind, block by block.
 */
final class ReplicationMonitor {
  private final ClusterSpec spec;
  private final Map<String, DataNode> nodes;
  private final BlockPlacement placement;
  private final Random random;

  ReplicationMonitor(ClusterSpec spec, Map<String, DataNode> nodes, BlockPlacement placement, Random random) {
    this.spec = spec;
    this.nodes = nodes;
    this.placement = placement;
    this.random = random;
  }

  /**
   * One pass over every block: replicas that fail their checksums (the DataNodes' block scanner) or
   * were reported corrupt are deleted; missing replicas are copied from a healthy one to targets
   * the placement policy picks (never a node whose corrupt copy was just removed: HDFS excludes
   * nodes holding the block, corrupt copies included); excess replicas are removed from the rack
   * that has the most.
   */
  void run(Namespace ns) throws IOException {
    List<DataNode> live = nodes.values().stream().filter(DataNode::alive).toList();
    int racks = (int) live.stream().map(DataNode::rack).distinct().count();
    for (BlockInfo b : ns.blocks()) {
      DataNode source = null;
      List<DataNode> holders = new ArrayList<>();
      List<String> removedHere = new ArrayList<>();
      for (String n : List.copyOf(b.replicas)) {
        DataNode dn = nodes.get(n);
        if (!dn.alive()) {
          continue;
        }
        if (b.corrupt.contains(n) || !ReplicaTransfer.healthy(dn.store(), b.id)) {
          dn.store().delete(b.id);
          b.replicas.remove(n);
          b.corrupt.remove(n);
          removedHere.add(n);
          continue;
        }
        holders.add(dn);
        source = source == null ? dn : source;
      }
      if (source != null && holders.size() < spec.replication()) {
        List<DataNode> eligible = new ArrayList<>();
        for (DataNode n : live) {
          if (!b.replicas.contains(n.id()) && !b.corrupt.contains(n.id()) && !removedHere.contains(n.id())
              && n.hasRoomFor(spec.blockSize())) {
            eligible.add(n);
          }
        }
        List<DataNode> targets = placement.chooseTargets(new PlacementRequest(
            spec.replication() - holders.size(), holders, null, eligible, live.size(), racks, random));
        for (DataNode t : targets) {
          if (ReplicaTransfer.copy(source.store(), b.id, t.store())) {
            b.replicas.add(t.id());
            holders.add(t);
          }
        }
      }
      while (holders.size() > spec.replication()) {
        Map<String, Integer> perRack = new HashMap<>();
        holders.forEach(h -> perRack.merge(h.rack(), 1, Integer::sum));
        String fullest = perRack.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        DataNode excess = holders.stream().filter(h -> h.rack().equals(fullest))
            .max(Comparator.comparingInt(holders::indexOf)).orElseThrow();
        excess.store().delete(b.id);
        b.replicas.remove(excess.id());
        holders.remove(excess);
      }
    }
  }
}
