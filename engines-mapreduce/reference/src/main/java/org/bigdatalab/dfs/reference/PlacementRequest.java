package org.bigdatalab.dfs.reference;

import java.util.List;
import java.util.Random;

/**
 * What a placement policy is asked: {@code count} more targets for a block whose replicas are
 * already on {@code chosen} (empty for a new block). {@code writer} is the writing client's node
 * when it runs on a DataNode (else null); {@code eligible} are the live nodes with room, in
 * configuration order; {@code liveNodes} and {@code liveRacks} size the rack limit.
 */
record PlacementRequest(int count, List<DataNode> chosen, DataNode writer, List<DataNode> eligible,
                        int liveNodes, int liveRacks, Random random) {
  PlacementRequest {
    chosen = List.copyOf(chosen);
    eligible = List.copyOf(eligible);
  }
}
