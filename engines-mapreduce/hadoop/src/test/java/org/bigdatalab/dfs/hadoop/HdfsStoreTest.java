package org.bigdatalab.dfs.hadoop;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import org.bigdatalab.dfs.DfsClauses;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.spi.EngineProvider;
import org.junit.jupiter.api.Test;

/** What {@code dfs-hdfs} declares, embedded and pointed at a real cluster; starts no cluster. */
class HdfsStoreTest {

  @Test
  void registeredNextToMrHadoop() {
    assertThat(ServiceLoader.load(EngineProvider.class).stream().map(p -> p.get().info().id()))
        .contains("dfs-hdfs", "mr-hadoop");
  }

  @Test
  void embeddedClaimsEveryClause() {
    EngineInfo info = new HdfsStoreProvider().info();
    assertThat(info.kind()).isEqualTo(EngineInfo.Kind.REAL);
    assertThat(info.displayName()).isEqualTo("Apache HDFS (MiniDFSCluster)");
    assertThat(info.unsupported()).isEmpty();
  }

  @Test
  void aRealClusterClaimsNoTopologyOrFaultClause() throws Exception {
    try (HdfsStore store = new HdfsStore(new EngineOptions(Map.of("fs.defaultFS", "hdfs://namenode:8020")))) {
      EngineInfo info = store.info();
      assertThat(info.id()).isEqualTo("dfs-hdfs");
      assertThat(info.supports(DfsClauses.NAMESPACE)).isTrue();
      assertThat(info.supports(DfsClauses.READ_ROUNDTRIP)).isTrue();
      assertThat(info.supports(DfsClauses.FAULT_DATANODE_LOSS)).isFalse();
      assertThat(info.supports(DfsClauses.PLACEMENT_FIRST_REPLICA_LOCAL)).isFalse();
    }
  }
}
