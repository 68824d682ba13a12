package org.bigdatalab.dfs.hadoop;

import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.spec.DfsSpec;
import org.bigdatalab.property.PropertyDefaults;

/**
 * Runs the whole DFS spec against {@code dfs-hdfs}. A MiniDFSCluster takes seconds to start, so
 * generated cases draw from the store's {@link HdfsStore#preferredTopologies()}, kept running
 * between cases. Replication, block size, writer and files still vary per case. A property whose
 * bounds neither topology meets falls back to the spec's generated topologies.
 *
 * <p>Three tries per property (the module's default is 8, for mr-hadoop; 30 under
 * {@code -Pexhaustive}: the pom passes {@code -Ddfs.hdfs.tries}): the fault properties restart DataNodes or the
 * NameNode, 5-8 s a case on two cores, and the whole binding stays near two minutes. Its
 * clusters are {@link SharedHdfsStore}'s, shared with the MapReduce suite's DFS-input clause.
 */
@PropertyDefaults(tries = 3, triesProperty = "dfs.hdfs.tries")
class HdfsConformanceTest extends DfsSpec {

  @Override
  protected DfsEngine createEngine() {
    return SharedHdfsStore.get();
  }
}
