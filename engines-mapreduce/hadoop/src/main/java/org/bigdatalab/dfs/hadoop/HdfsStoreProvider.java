package org.bigdatalab.dfs.hadoop;

import org.bigdatalab.spi.Engine;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;

/**
 * Registers {@code dfs-hdfs}. Options are set in the MiniDFSCluster's Hadoop configuration;
 * {@code dfs.hdfs.dir} says where its files go; {@code fs.defaultFS=hdfs://…} uses that cluster
 * instead. See {@link HdfsStore}.
 */
public final class HdfsStoreProvider implements EngineProvider {
  @Override public EngineInfo info() { return HdfsStore.INFO; }
  @Override public Engine create(EngineOptions options) { return new HdfsStore(options); }
}
