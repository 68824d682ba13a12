package org.bigdatalab.dfs.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.dfs.DfsClauses.APPEND;
import static org.bigdatalab.dfs.DfsClauses.BLOCKS_LAYOUT;
import static org.bigdatalab.dfs.DfsClauses.ERRORS;
import static org.bigdatalab.dfs.DfsClauses.FAULT_CORRUPT_REPLICA;
import static org.bigdatalab.dfs.DfsClauses.FAULT_DATANODE_LOSS;
import static org.bigdatalab.dfs.DfsClauses.FAULT_RESTART;
import static org.bigdatalab.dfs.DfsClauses.NAMESPACE;
import static org.bigdatalab.dfs.DfsClauses.PLACEMENT_FIRST_REPLICA_LOCAL;
import static org.bigdatalab.dfs.DfsClauses.PLACEMENT_RACK_LIMIT;
import static org.bigdatalab.dfs.DfsClauses.PLACEMENT_SECOND_REPLICA_OFF_RACK;
import static org.bigdatalab.dfs.DfsClauses.PLACEMENT_THIRD_REPLICA;
import static org.bigdatalab.dfs.DfsClauses.READ_ROUNDTRIP;
import static org.bigdatalab.dfs.DfsClauses.REPLICATION_FACTOR;
import static org.bigdatalab.dfs.DfsClauses.VISIBILITY;
import static org.bigdatalab.dfs.DfsClauses.WRITE_ONCE;

import java.util.stream.Stream;
import org.bigdatalab.dfs.DfsEngine;
import org.bigdatalab.dfs.reference.BrokenDfsStores.AcksOnFirstReplica;
import org.bigdatalab.dfs.reference.BrokenDfsStores.AppendReplacesFile;
import org.bigdatalab.dfs.reference.BrokenDfsStores.CutsBlocksAtWrites;
import org.bigdatalab.dfs.reference.BrokenDfsStores.ForgetsRenamesOnRestart;
import org.bigdatalab.dfs.reference.BrokenDfsStores.HflushOnlyBuffers;
import org.bigdatalab.dfs.reference.BrokenDfsStores.IgnoresRacks;
import org.bigdatalab.dfs.reference.BrokenDfsStores.IgnoresWriterLocation;
import org.bigdatalab.dfs.reference.BrokenDfsStores.NeverReReplicates;
import org.bigdatalab.dfs.reference.BrokenDfsStores.OverwritesWithoutAsking;
import org.bigdatalab.dfs.reference.BrokenDfsStores.RenameReplacesFile;
import org.bigdatalab.dfs.reference.BrokenDfsStores.SeekRoundsDownToBlock;
import org.bigdatalab.dfs.reference.BrokenDfsStores.ShortPipeline;
import org.bigdatalab.dfs.reference.BrokenDfsStores.SkipsChecksOnLargeReads;
import org.bigdatalab.dfs.reference.BrokenDfsStores.SkipsChecksums;
import org.bigdatalab.dfs.reference.BrokenDfsStores.SkipsPartialChunkCheck;
import org.bigdatalab.dfs.reference.BrokenDfsStores.TwoReplicasOnLocalRack;
import org.bigdatalab.dfs.reference.BrokenDfsStores.WritesWithNoLiveDataNodes;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseResult;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The DFS suite tests itself: each broken store must fail the clause it breaks. */
class DfsSelfTest {

  static Stream<Arguments> brokenStores() {
    return Stream.of(
        Arguments.of(new CutsBlocksAtWrites(), BLOCKS_LAYOUT),
        Arguments.of(new ShortPipeline(), REPLICATION_FACTOR),
        Arguments.of(new IgnoresWriterLocation(), PLACEMENT_FIRST_REPLICA_LOCAL),
        Arguments.of(new IgnoresRacks(), PLACEMENT_SECOND_REPLICA_OFF_RACK),
        Arguments.of(new IgnoresRacks(), PLACEMENT_RACK_LIMIT),
        Arguments.of(new TwoReplicasOnLocalRack(), PLACEMENT_THIRD_REPLICA),
        Arguments.of(new OverwritesWithoutAsking(), WRITE_ONCE),
        Arguments.of(new HflushOnlyBuffers(), VISIBILITY),
        Arguments.of(new AppendReplacesFile(), APPEND),
        Arguments.of(new RenameReplacesFile(), NAMESPACE),
        Arguments.of(new SeekRoundsDownToBlock(), READ_ROUNDTRIP),
        Arguments.of(new NeverReReplicates(), FAULT_DATANODE_LOSS),
        Arguments.of(new SkipsChecksums(), FAULT_CORRUPT_REPLICA),
        Arguments.of(new SkipsPartialChunkCheck(), FAULT_CORRUPT_REPLICA),
        Arguments.of(new SkipsChecksOnLargeReads(), FAULT_CORRUPT_REPLICA),
        Arguments.of(new AcksOnFirstReplica(), FAULT_DATANODE_LOSS),
        Arguments.of(new ForgetsRenamesOnRestart(), FAULT_RESTART),
        Arguments.of(new WritesWithNoLiveDataNodes(), ERRORS));
  }

  @ParameterizedTest(name = "{1} catches {0}")
  @MethodSource("brokenStores")
  void brokenStoreFailsItsClause(DfsEngine broken, String clause) {
    SelfTest.assertFails(broken, clause);
  }

  @Test
  void everyClauseHasABrokenStoreThatFailsIt() {
    SelfTest.assertCoversEveryClause(Topic.DFS, brokenStores().map(a -> (String) a.get()[1]));
  }

  @Test
  void anHonestStoreIsNotFailedByTheSameRunner() {
    assertThat(SelfTest.statusOf(new MemoryDfs(), FAULT_CORRUPT_REPLICA)).isEqualTo(ClauseStatus.PASSED);
    assertThat(SelfTest.statusOf(new LocalDfs(), FAULT_RESTART)).isEqualTo(ClauseStatus.PASSED);
  }

  @Test
  void anUnsupportedClauseIsReportedAsUnsupportedNotPassed() {
    ClauseResult result = SelfTest.run(new MemoryDfs(), FAULT_RESTART);
    assertThat(result.status()).isEqualTo(ClauseStatus.UNSUPPORTED);
    assertThat(result.detail()).contains("only in memory");
  }
}
