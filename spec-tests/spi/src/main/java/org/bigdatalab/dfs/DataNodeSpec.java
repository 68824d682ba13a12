package org.bigdatalab.dfs;

import java.util.Objects;

/**
 * One DataNode of a cluster description: its id, the rack it sits in (the node → rack map HDFS
 * reads from its topology script or table), and how many bytes of replicas it may hold.
 */
public record DataNodeSpec(String id, String rack, long capacityBytes) {
  public DataNodeSpec {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(rack, "rack");
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("DataNode id '" + id + "' must be letters, digits, '-' or '_'");
    }
    if (!rack.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("rack '" + rack + "' of DataNode " + id + " must be letters, digits, '-' or '_'");
    }
    if (capacityBytes <= 0) {
      throw new IllegalArgumentException("DataNode " + id + " needs a positive capacity, got " + capacityBytes);
    }
  }
}
