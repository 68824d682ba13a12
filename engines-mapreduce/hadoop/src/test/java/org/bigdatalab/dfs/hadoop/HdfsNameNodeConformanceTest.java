package org.bigdatalab.dfs.hadoop;

import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.spec.DfsSpec;
import org.bigdatalab.property.PropertyDefaults;
import org.bigdatalab.spi.EngineOptions;
import org.junit.jupiter.api.Tag;

/**
 * The DFS spec against {@code dfs-hdfs@namenode}: a NameNode and four DataNodes in a JVM of their
 * own on 127.0.0.1, reached through {@code fs.defaultFS=hdfs://127.0.0.1:<port>} (its log under
 * {@code target/cluster-logs/}). The clauses that need the topology or fault injection are declared
 * for this mode, as on any running cluster; two cases per property.
 */
@Tag("cluster")
@PropertyDefaults(tries = 2, triesProperty = "dfs.hdfs.namenode.tries")
class HdfsNameNodeConformanceTest extends DfsSpec {
  @Override
  protected DfsEngine createEngine() {
    return (DfsEngine) new HdfsOnNameNode.Provider().create(EngineOptions.NONE);
  }
}
