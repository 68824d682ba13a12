package org.bigdatalab.dfs;

import java.util.List;

/**
 * One block of a file: its position in the file and the replicas on live DataNodes, in the order
 * they were placed (first replica first: the pipeline order of the write, or of the replication
 * check that added them). Corrupt replicas a store knows of are not listed.
 */
public record BlockLocation(int index, long offset, long length, List<ReplicaLocation> replicas) {
  public BlockLocation {
    replicas = List.copyOf(replicas);
    if (index < 0 || offset < 0 || length < 0) {
      throw new IllegalArgumentException("block " + index + " at " + offset + " of length " + length);
    }
  }

  public List<String> nodes() { return replicas.stream().map(ReplicaLocation::node).toList(); }

  public List<String> racks() { return replicas.stream().map(ReplicaLocation::rack).toList(); }
}
