package org.bigdatalab.dfs.reference;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A DataNode's replicas kept in a map, for {@code dfs-memory}. */
final class MemoryBlockStore implements BlockStore {
  private final Map<Long, Replica> replicas = new HashMap<>();

  @Override public void put(Replica replica) { replicas.put(replica.blockId(), replica); }

  @Override public Optional<Replica> get(long blockId) { return Optional.ofNullable(replicas.get(blockId)); }

  @Override public void delete(long blockId) { replicas.remove(blockId); }

  @Override public Set<Long> blockIds() { return new TreeSet<>(replicas.keySet()); }

  @Override public void corrupt(long blockId, int offset) {
    Replica r = replicas.get(blockId);
    byte[] data = r.data().clone();
    data[offset] ^= (byte) 0x5A;
    replicas.put(blockId, new Replica(blockId, data, r.checksums()));
  }

  @Override public long used() {
    return replicas.values().stream().mapToLong(Replica::length).sum();
  }
}
