package org.bigdatalab.dfs.reference;

import java.io.IOException;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsClauses;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.RenameRefusal;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;

/**
 * {@code dfs-memory}: NameNode and DataNodes in one process, replicas in maps. The oracle of the
 * DFS topic: HDFS's rules (block layout, rack-aware placement, leases, checksums, re-replication)
 * written to be read, with nothing persisted. Rename refusals return false, as HDFS's do.
 */
public class MemoryDfs implements DfsEngine {

  public static final EngineInfo INFO = EngineInfo.builder("dfs-memory", Topic.DFS)
      .displayName("DFS in memory (oracle)")
      .description("NameNode and DataNodes in memory; HDFS's default placement, CRC32C checksums, leases, re-replication")
      .unsupported(DfsClauses.FAULT_RESTART, "keeps its namespace only in memory, by design: a NameNode restart"
          + " would lose it (dfs-local persists an edit log and checkpoints)")
      .build();

  @Override public EngineInfo info() { return INFO; }

  @Override public RenameRefusal renameRefusal() { return RenameRefusal.RETURNS_FALSE; }

  @Override public DistributedFileSystem start(ClusterSpec spec) throws IOException {
    return new ReferenceCluster(spec, node -> new MemoryBlockStore(), placement(), Journal.NONE, renameRefusal(), () -> {});
  }

  /** HDFS's default policy; broken stores override it. */
  protected BlockPlacement placement() { return new RackAwarePlacement(); }
}
