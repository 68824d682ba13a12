package org.bigdatalab.dfs;

import java.util.Objects;

/** Where one replica of a block lives: the DataNode and its rack. */
public record ReplicaLocation(String node, String rack) {
  public ReplicaLocation {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(rack, "rack");
  }

  @Override public String toString() { return node + "@" + rack; }
}
