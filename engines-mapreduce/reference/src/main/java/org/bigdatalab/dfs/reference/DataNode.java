package org.bigdatalab.dfs.reference;

import java.io.IOException;
import org.bigdatalab.dfs.DataNodeSpec;

/**
 * One DataNode: its place in the topology, its capacity, whether it is running, and its replicas.
 * A stopped DataNode keeps its replicas (they come back when it starts), but nobody can reach them.
 */
final class DataNode {
  private final DataNodeSpec spec;
  private final BlockStore store;
  private boolean alive = true;

  DataNode(DataNodeSpec spec, BlockStore store) {
    this.spec = spec;
    this.store = store;
  }

  String id() { return spec.id(); }
  String rack() { return spec.rack(); }
  boolean alive() { return alive; }
  void setAlive(boolean alive) { this.alive = alive; }
  BlockStore store() { return store; }

  /** Whether a new block of {@code blockSize} bytes fits, as HDFS checks before choosing a target. */
  boolean hasRoomFor(long blockSize) throws IOException {
    return spec.capacityBytes() - store.used() >= blockSize;
  }

  @Override public String toString() { return id() + "@" + rack() + (alive ? "" : "(stopped)"); }
}
