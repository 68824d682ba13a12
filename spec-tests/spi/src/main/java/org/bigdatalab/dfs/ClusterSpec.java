package org.bigdatalab.dfs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster a store starts: its DataNodes and their racks (rack topology is configuration, never
 * guessed), the block size, the replication factor, and where the writing client runs (on one of
 * the DataNodes, as a task would, or off the cluster when {@code writerNode} is null).
 *
 * <p>The block size is a positive multiple of 512 bytes, because HDFS checksums every 512 bytes
 * ({@code dfs.bytes-per-checksum}) and requires the block size to be a multiple of it.
 *
 * <pre>{@code
 * ClusterSpec spec = ClusterSpec.builder()
 *     .rack("r1", "dn1", "dn2").rack("r2", "dn3", "dn4")
 *     .blockSize(1024).replication(3).writerNode("dn1").build();
 * }</pre>
 */
public record ClusterSpec(List<DataNodeSpec> dataNodes, long blockSize, int replication, String writerNode) {

  public static final int BYTES_PER_CHECKSUM = 512;
  public static final long DEFAULT_CAPACITY = 64L << 20;

  public ClusterSpec {
    dataNodes = List.copyOf(dataNodes);
    Set<String> ids = new HashSet<>();
    for (DataNodeSpec node : dataNodes) {
      if (!ids.add(node.id())) {
        throw new IllegalArgumentException("DataNode id '" + node.id() + "' appears twice");
      }
    }
    if (blockSize <= 0 || blockSize % BYTES_PER_CHECKSUM != 0) {
      throw new IllegalArgumentException("block size must be a positive multiple of " + BYTES_PER_CHECKSUM + ", got " + blockSize);
    }
    if (replication < 1 || replication > Short.MAX_VALUE) {
      throw new IllegalArgumentException("replication must be between 1 and " + Short.MAX_VALUE + ", got " + replication);
    }
    if (writerNode != null && !ids.contains(writerNode)) {
      throw new IllegalArgumentException("writer node '" + writerNode + "' is not one of the DataNodes " + ids);
    }
  }

  public static Builder builder() { return new Builder(); }

  public Optional<String> writer() { return Optional.ofNullable(writerNode); }

  public DataNodeSpec node(String id) {
    return dataNodes.stream().filter(n -> n.id().equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no DataNode '" + id + "' in this cluster"));
  }

  public String rackOf(String nodeId) { return node(nodeId).rack(); }

  public List<String> racks() {
    return dataNodes.stream().map(DataNodeSpec::rack).distinct().toList();
  }

  /** The same cluster with another writer location (null: off the cluster). */
  public ClusterSpec withWriter(String node) {
    return new ClusterSpec(dataNodes, blockSize, replication, node);
  }

  @Override public String toString() {
    StringBuilder b = new StringBuilder("cluster(blockSize=" + blockSize + ", r=" + replication
        + ", writer=" + writerNode + ", nodes=");
    dataNodes.forEach(n -> b.append(n.id()).append('@').append(n.rack())
        .append(n.capacityBytes() == DEFAULT_CAPACITY ? "" : "[" + n.capacityBytes() + "B]").append(' '));
    return b.toString().strip() + ")";
  }

  /** Builds a {@link ClusterSpec}; racks are listed with their nodes. */
  public static final class Builder {
    private final List<DataNodeSpec> nodes = new ArrayList<>();
    private long blockSize = 1024;
    private int replication = 3;
    private String writerNode;
    private long capacity = DEFAULT_CAPACITY;

    private Builder() {}

    /** Capacity of the nodes added after this call. */
    public Builder capacity(long bytes) { this.capacity = bytes; return this; }

    public Builder rack(String rack, String... nodeIds) {
      for (String id : nodeIds) {
        nodes.add(new DataNodeSpec(id, rack, capacity));
      }
      return this;
    }

    public Builder node(DataNodeSpec node) { nodes.add(Objects.requireNonNull(node)); return this; }
    public Builder blockSize(long bytes) { this.blockSize = bytes; return this; }
    public Builder replication(int r) { this.replication = r; return this; }
    public Builder writerNode(String id) { this.writerNode = id; return this; }

    public ClusterSpec build() { return new ClusterSpec(nodes, blockSize, replication, writerNode); }
  }
}
