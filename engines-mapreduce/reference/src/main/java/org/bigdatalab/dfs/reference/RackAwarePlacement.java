package org.bigdatalab.dfs.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * HDFS's default placement (BlockPlacementPolicyDefault), written for reading:
 *
 * <ol>
 *   <li>first replica on the writer's node when it is a DataNode with room, else a random node;
 *   <li>second on a different rack from the first;
 *   <li>third on the second's rack, on another node (if the first two share a rack: another rack);
 *   <li>the rest at random;
 * </ol>
 *
 * and never more than {@link #maxPerRack} replicas on one rack, never two on one node. When a
 * preferred choice is impossible it falls back to any node the limits allow, as HDFS does.
 */
final class RackAwarePlacement implements BlockPlacement {

  /**
   * HDFS's rack limit: {@code (total - 1) / racks + 2}, one less when that equals the total, where
   * the total is capped at the live node count; no limit on a single rack.
   */
  static int maxPerRack(int total, int liveNodes, int racks) {
    int t = Math.min(total, liveNodes);
    if (racks <= 1 || t <= 1) {
      return Math.max(t, 1);
    }
    int max = (t - 1) / racks + 2;
    return max == t ? max - 1 : max;
  }

  @Override
  public List<DataNode> chooseTargets(PlacementRequest req) {
    int total = Math.min(req.chosen().size() + req.count(), req.liveNodes());
    int limit = maxPerRack(total, req.liveNodes(), req.liveRacks());
    List<DataNode> results = new ArrayList<>(req.chosen());
    while (results.size() < total) {
      DataNode next = chooseOne(req, results, limit);
      if (next == null) {
        break;
      }
      results.add(next);
    }
    return results.subList(req.chosen().size(), results.size());
  }

  private DataNode chooseOne(PlacementRequest req, List<DataNode> results, int limit) {
    Map<String, Integer> perRack = new HashMap<>();
    results.forEach(n -> perRack.merge(n.rack(), 1, Integer::sum));
    List<DataNode> allowed = req.eligible().stream()
        .filter(n -> !results.contains(n) && perRack.getOrDefault(n.rack(), 0) < limit).toList();
    if (allowed.isEmpty()) {
      return null;
    }
    DataNode preferred = switch (results.size()) {
      case 0 -> req.writer() != null && allowed.contains(req.writer())
          ? req.writer()
          : pick(req, allowed, n -> req.writer() != null && n.rack().equals(req.writer().rack()));
      case 1 -> pick(req, allowed, n -> !n.rack().equals(results.get(0).rack()));
      case 2 -> results.get(0).rack().equals(results.get(1).rack())
          ? pick(req, allowed, n -> !n.rack().equals(results.get(0).rack()))
          : pick(req, allowed, n -> n.rack().equals(results.get(1).rack()));
      default -> null;
    };
    return preferred != null ? preferred : pick(req, allowed, n -> true);
  }

  private static DataNode pick(PlacementRequest req, List<DataNode> allowed, Predicate<DataNode> wanted) {
    List<DataNode> matching = allowed.stream().filter(wanted).toList();
    return matching.isEmpty() ? null : matching.get(req.random().nextInt(matching.size()));
  }
}
