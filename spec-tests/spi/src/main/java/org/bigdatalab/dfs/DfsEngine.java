package org.bigdatalab.dfs;

import java.io.IOException;
import java.util.List;
import org.bigdatalab.spi.Engine;

/**
 * A distributed file system engine: it starts clusters described by a {@link ClusterSpec}, each a
 * {@link DistributedFileSystem}. The suite starts a fresh cluster per case, so an engine should
 * start small clusters cheaply (or say in its Javadoc why it cannot).
 */
public interface DfsEngine extends Engine {

  DistributedFileSystem start(ClusterSpec spec) throws IOException;

  /** Which of the two refusals Hadoop's spec allows this store's rename gives. */
  RenameRefusal renameRefusal();

  /**
   * Topologies this store starts cheaply, as DataNodes per rack (e.g. {@code [[2, 2], [3, 3]]}):
   * a store whose clusters take seconds to start (a MiniDFSCluster) keeps them running and asks the
   * suite to draw generated cases from these. Empty, the default: any generated topology.
   */
  default List<List<Integer>> preferredTopologies() {
    return List.of();
  }
}
