package org.bigdatalab.dfs.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A DataNode's replicas kept in a map, for {@code dfs-memory}. */
final class MemoryBlockStore implements BlockStore {
  private final Map<Long, Replica> replicas = new HashMap<>();

  @Override public synchronized ReplicaWriter write(long blockId, long keep) {
    Replica kept = keep == 0 ? null : replicas.get(blockId);
    if (keep > 0 && (kept == null || kept.data().length < keep)) {
      throw new IllegalStateException("blk_" + blockId + ": no published replica of " + keep + " bytes to continue");
    }
    return Replica.writer(kept, keep, r -> publish(blockId, r));
  }

  private synchronized void publish(long blockId, Replica r) { replicas.put(blockId, r); }

  @Override public synchronized Optional<ReplicaReader> open(long blockId) {
    return Optional.ofNullable(replicas.get(blockId)).map(Replica::reader);
  }

  @Override public synchronized long length(long blockId) {
    Replica r = replicas.get(blockId);
    return r == null ? -1 : r.data().length;
  }

  @Override public synchronized void delete(long blockId) { replicas.remove(blockId); }

  @Override public synchronized Set<Long> blockIds() { return new TreeSet<>(replicas.keySet()); }

  @Override public synchronized void corrupt(long blockId, int offset) {
    replicas.put(blockId, replicas.get(blockId).withByteFlipped(offset));
  }

  @Override public synchronized long used() {
    return replicas.values().stream().mapToLong(r -> r.data().length).sum();
  }
}
