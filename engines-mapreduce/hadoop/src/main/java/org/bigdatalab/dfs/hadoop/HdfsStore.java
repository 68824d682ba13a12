package org.bigdatalab.dfs.hadoop;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DataNodeSpec;
import org.bigdatalab.dfs.DfsClauses;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.RenameRefusal;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;

/**
 * {@code dfs-hdfs}: real Apache HDFS, a MiniDFSCluster (NameNode and DataNodes of Hadoop
 * {@code ${hadoop.version}} in this JVM, on 127.0.0.1) per topology.
 *
 * <p><b>Clusters are kept.</b> Starting one takes seconds, so the store keeps one running cluster
 * per topology (DataNodes, racks, capacities) and empties it between cases; block size and
 * replication are per file in HDFS, and the writer's node is told to the placement policy
 * ({@link PipelineRecorder}), so cases that differ only in those share a cluster. At most
 * {@value #MAX_KEPT} clusters are kept; {@link #close()} stops them.
 *
 * <p>Options: every option is set in the cluster's Hadoop configuration; {@code dfs.hdfs.dir}
 * says where clusters keep their files (default: the system temporary directory). With
 * {@code fs.defaultFS=hdfs://host:port} the store uses that cluster instead (see
 * {@link #REMOTE_INFO}): each case in a fresh directory under {@code dfs.hdfs.base}.
 */
public class HdfsStore implements DfsEngine {

  public static final EngineInfo INFO = EngineInfo.builder("dfs-hdfs", Topic.DFS)
      .displayName("Apache HDFS (MiniDFSCluster)")
      .kind(EngineInfo.Kind.REAL)
      .description("Hadoop's NameNode and DataNodes (MiniDFSCluster) in this JVM: HDFS's default placement policy,"
          + " leases, CRC32C checksums, block scanner and re-replication; one kept cluster per topology")
      .build();

  private static final String REMOTE_REASON = "on a real cluster (fs.defaultFS=hdfs://…) this store neither chooses the"
      + " topology the clause is stated for nor sees the placement policy's order";

  /**
   * {@code dfs-hdfs} pointed at a real cluster: namespace, reads and writes are checked in a private
   * directory of it; the topology, the writer's node and the faults are the cluster's own, so the
   * clauses about them are not claimed. Tried against a cluster in a JVM of its own on this machine
   * ({@code dfs-hdfs@namenode}, {@link HdfsOnNameNode}); not against a cluster of machines yet.
   */
  public static final EngineInfo REMOTE_INFO = EngineInfo.builder("dfs-hdfs", Topic.DFS)
      .displayName("Apache HDFS (remote cluster)")
      .kind(EngineInfo.Kind.REAL)
      .description("an existing HDFS cluster named by fs.defaultFS; cases run in a private directory")
      .unsupported(DfsClauses.REPLICATION_FACTOR, REMOTE_REASON)
      .unsupported(DfsClauses.PLACEMENT_FIRST_REPLICA_LOCAL, REMOTE_REASON)
      .unsupported(DfsClauses.PLACEMENT_SECOND_REPLICA_OFF_RACK, REMOTE_REASON)
      .unsupported(DfsClauses.PLACEMENT_THIRD_REPLICA, REMOTE_REASON)
      .unsupported(DfsClauses.PLACEMENT_RACK_LIMIT, REMOTE_REASON)
      .unsupported(DfsClauses.FAULT_DATANODE_LOSS, "faults are injected only into the embedded MiniDFSCluster")
      .unsupported(DfsClauses.FAULT_CORRUPT_REPLICA, "faults are injected only into the embedded MiniDFSCluster")
      .unsupported(DfsClauses.FAULT_RESTART, "faults are injected only into the embedded MiniDFSCluster")
      .unsupported(DfsClauses.ERRORS, "its checks stop every DataNode or need 1 KiB DataNodes, which a real cluster does not offer")
      .build();

  static final int MAX_KEPT = 4;

  private final EngineOptions options;
  private final Path base;
  private final Map<List<DataNodeSpec>, MiniHdfs> kept = new LinkedHashMap<>();
  private final List<MiniHdfs> inUse = new ArrayList<>();

  public HdfsStore() {
    this(EngineOptions.NONE);
  }

  public HdfsStore(EngineOptions options) {
    this.options = options;
    this.base = options.get("dfs.hdfs.dir").map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
  }

  @Override public EngineInfo info() { return remote() ? REMOTE_INFO : INFO; }

  /** Whether {@code fs.defaultFS} names a real HDFS cluster to use instead of a MiniDFSCluster. */
  private boolean remote() {
    return options.get("fs.defaultFS").filter(v -> v.startsWith("hdfs://")).isPresent();
  }

  /** A case on the real cluster: a fresh directory under {@code dfs.hdfs.base} (default /tmp/bigdatalab-dfs), deleted at close. */
  private org.bigdatalab.dfs.DistributedFileSystem startRemote(ClusterSpec spec) throws IOException {
    Configuration conf = configuration();
    org.apache.hadoop.fs.FileSystem fs = org.apache.hadoop.fs.FileSystem.newInstance(conf);
    if (!(fs instanceof org.apache.hadoop.hdfs.DistributedFileSystem hdfs)) {
      fs.close();
      throw new IOException("fs.defaultFS=" + conf.get("fs.defaultFS") + " is not HDFS");
    }
    String dir = options.get("dfs.hdfs.base").orElse("/tmp/bigdatalab-dfs") + "/" + java.util.UUID.randomUUID();
    org.apache.hadoop.fs.Path root = new org.apache.hadoop.fs.Path(dir);
    hdfs.mkdirs(root);
    return new RunningHdfs(spec, null, hdfs, dir, () -> {
      try {
        hdfs.delete(root, true);
        hdfs.close();
      } catch (IOException ignored) {
        // best effort: the case's own directory
      }
    });
  }

  /** HDFS's {@code rename(Path, Path)} answers false for a refused rename. */
  @Override public RenameRefusal renameRefusal() { return RenameRefusal.RETURNS_FALSE; }

  /**
   * Two racks of two DataNodes (the spec's small cluster) and two racks of three (the seed's
   * diagram): a MiniDFSCluster takes seconds to start, so these are kept running between cases.
   */
  @Override public java.util.List<java.util.List<Integer>> preferredTopologies() {
    return java.util.List.of(java.util.List.of(2, 2), java.util.List.of(3, 3));
  }

  @Override public synchronized org.bigdatalab.dfs.DistributedFileSystem start(ClusterSpec spec) throws IOException {
    if (remote()) {
      return startRemote(spec);
    }
    List<DataNodeSpec> topology = spec.dataNodes();
    MiniHdfs mini = kept.remove(topology);
    if (mini == null) {
      while (kept.size() >= MAX_KEPT) {
        MiniHdfs oldest = kept.values().iterator().next();
        kept.values().remove(oldest);
        stop(oldest);
      }
      mini = MiniHdfs.start(topology, configuration(), Files.createTempDirectory(Files.createDirectories(base), "dfs-hdfs-").toFile());
    }
    inUse.add(mini);
    MiniHdfs running = mini;
    return new RunningHdfs(spec, running, () -> handBack(running));
  }

  private Configuration configuration() {
    Configuration conf = new Configuration();
    options.values().forEach((k, v) -> {
      if (!k.equals("dfs.hdfs.dir") && !k.equals("dfs.hdfs.base")) {
        conf.set(k, v);
      }
    });
    return conf;
  }

  /** Empties a cluster a case is done with and keeps it; one that cannot be emptied is stopped. */
  private synchronized void handBack(MiniHdfs mini) {
    inUse.remove(mini);
    try {
      mini.reset();
      MiniHdfs previous = kept.put(mini.topology, mini);
      if (previous != null) {
        stop(previous);
      }
    } catch (IOException | RuntimeException e) {
      stop(mini);
    }
  }

  private static void stop(MiniHdfs mini) {
    File dir = new File(mini.cluster.getDataDirectory()).getParentFile();
    mini.close();
    deleteQuietly(dir == null ? null : dir.toPath());
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // best effort: a temporary directory
    }
  }

  @Override public void close() {
    stopClusters();
  }

  /** Stops every cluster, kept or in use (what {@link #close()} does, for a subclass that keeps them past close). */
  public final synchronized void stopClusters() {
    for (MiniHdfs mini : kept.values()) {
      stop(mini);
    }
    for (MiniHdfs mini : inUse) {
      stop(mini);
    }
    kept.clear();
    inUse.clear();
  }
}
