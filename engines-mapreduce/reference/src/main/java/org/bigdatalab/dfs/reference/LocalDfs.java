package org.bigdatalab.dfs.reference;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import org.bigdatalab.dfs.ClusterSpec;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.DistributedFileSystem;
import org.bigdatalab.dfs.RenameRefusal;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.Topic;

/**
 * {@code dfs-local}: the reference cluster on local disk. Each DataNode is a directory of block
 * files with checksum files ({@code blk_N}, {@code blk_N.meta}: CRC32C per 512 bytes, as HDFS);
 * the NameNode keeps an edit log and a checkpoint, so a NameNode restart recovers the namespace
 * (block locations come back from the DataNodes' block reports, as in HDFS).
 *
 * <p>Its rename refuses by throwing (Hadoop's spec allows that too), so the suite checks both
 * declared behaviours: {@code dfs-memory} returns false.
 *
 * <p>Option {@code dfs.local.dir}: where clusters are created (default: the system temporary
 * directory). Each cluster gets its own directory, deleted when the cluster is closed.
 *
 * <p>Option {@code dfs.local.store}: one directory that outlives the cluster ({@code lab dfs} keeps
 * its files there between commands). A cluster started on it recovers what the last one left, as a
 * restarted NameNode does: the namespace from the edit log and checkpoint, the replicas from each
 * DataNode's directory; it is kept when the cluster is closed. Start it with the same cluster spec
 * each time: the DataNodes are found by their ids.
 */
public class LocalDfs implements DfsEngine {

  public static final EngineInfo INFO = EngineInfo.builder("dfs-local", Topic.DFS)
      .displayName("DFS on local disk")
      .description("DataNodes as directories of block and checksum files; NameNode edit log and checkpoint on disk")
      .build();

  private final Path base;
  private final Optional<Path> store;

  public LocalDfs() {
    this(EngineOptions.NONE);
  }

  public LocalDfs(EngineOptions options) {
    this.base = options.get("dfs.local.dir").map(Path::of).orElse(Path.of(System.getProperty("java.io.tmpdir")));
    this.store = options.get("dfs.local.store").map(Path::of);
  }

  @Override public EngineInfo info() { return INFO; }

  @Override public RenameRefusal renameRefusal() { return RenameRefusal.THROWS; }

  @Override public DistributedFileSystem start(ClusterSpec spec) throws IOException {
    Path dir = store.isPresent() ? Files.createDirectories(store.get())
        : Files.createTempDirectory(Files.createDirectories(base), "dfs-local-");
    EditLog editLog = new EditLog(dir.resolve("namenode"));
    ReferenceCluster cluster = new ReferenceCluster(spec, node -> new DiskBlockStore(dir.resolve("datanodes").resolve(node.id())),
        placement(), journal(editLog), renameRefusal(), () -> {
          editLog.closeQuietly();
          if (store.isEmpty()) {
            deleteTree(dir);
          }
        });
    if (store.isPresent()) {
      cluster.restartNameNode(); // what the last cluster on this store left: the namespace, then the block reports
    }
    return cluster;
  }

  /** HDFS's default policy; broken stores override it. */
  protected BlockPlacement placement() { return new RackAwarePlacement(); }

  /** The edit log as the NameNode uses it; broken stores wrap it. */
  protected Journal journal(EditLog editLog) { return editLog; }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
