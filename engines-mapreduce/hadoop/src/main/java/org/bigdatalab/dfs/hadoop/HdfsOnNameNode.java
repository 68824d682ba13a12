package org.bigdatalab.dfs.hadoop;

import java.util.Map;
import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.bigdatalab.spi.fork.ClusterRow;

/**
 * {@code dfs-hdfs@namenode}: the store's {@code fs.defaultFS=hdfs://…} path against an HDFS cluster
 * it starts in a JVM of its own on 127.0.0.1 ({@link HdfsNameNodeJvm}) and stops on close; the
 * same declarations as on any running cluster ({@link HdfsStore#REMOTE_INFO}); an {@code fs.defaultFS}
 * in the options (meant for {@code dfs-hdfs} in a run of several engines) gives way to its own.
 */
public final class HdfsOnNameNode extends HdfsStore {
  static final EngineInfo INFO = REMOTE_INFO.on("namenode", "a NameNode and DataNodes in a separate JVM", Map.of());

  private final HdfsNameNodeJvm cluster;

  private HdfsOnNameNode(EngineOptions options, HdfsNameNodeJvm cluster) {
    super(options);
    this.cluster = cluster;
  }

  @Override public EngineInfo info() { return INFO; }

  @Override
  public void close() {
    try {
      super.close();
    } finally {
      cluster.close();
    }
  }

  /** Registers {@code dfs-hdfs@namenode}. */
  public static final class Provider implements EngineProvider {
    @Override public EngineInfo info() { return INFO; }

    @Override
    public Engine create(EngineOptions options) {
      return ClusterRow.start("dfs-hdfs@namenode", "the cluster", HdfsNameNodeJvm::start, cluster -> {
        return new HdfsOnNameNode(ClusterRow.options(Map.of(), options, Map.of("fs.defaultFS", cluster.uri())), cluster);
      });
    }
  }
}
