package org.bigdatalab.dfs;

import java.io.IOException;
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
}
