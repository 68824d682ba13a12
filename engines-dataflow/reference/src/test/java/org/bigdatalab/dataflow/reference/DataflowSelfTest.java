package org.bigdatalab.dataflow.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.dataflow.DataflowClauses.CACHE;
import static org.bigdatalab.dataflow.DataflowClauses.FAILURE;
import static org.bigdatalab.dataflow.DataflowClauses.JOIN;
import static org.bigdatalab.dataflow.DataflowClauses.LAZY;
import static org.bigdatalab.dataflow.DataflowClauses.PARTITIONS;
import static org.bigdatalab.dataflow.DataflowClauses.REDUCE_VS_GROUP;
import static org.bigdatalab.dataflow.DataflowClauses.RESULT_EQUALS_ORACLE;
import static org.bigdatalab.dataflow.SkewClauses.DISTINCT_HASH_SALT;
import static org.bigdatalab.dataflow.SkewClauses.JOIN_SPLIT;
import static org.bigdatalab.dataflow.SkewClauses.SALTING_LOAD_BOUND;
import static org.bigdatalab.dataflow.SkewClauses.SALTING_SAME_RESULT;

import java.util.stream.Stream;
import org.bigdatalab.dataflow.DataflowEngine;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.BroadcastAsShuffle;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.CoalesceShuffles;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.DistinctWithinPartitions;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.DropsLastColumnarTable;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.EvaluatesTwice;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.FoldsEveryLongMergeAsSum;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.IgnoresCache;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.KeepsPartitionerThroughMap;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.NeverSplitsSkew;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.NoMapSideCombine;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.SavesInPlace;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.SortsWithinPartitions;
import org.bigdatalab.dataflow.reference.BrokenDataflowEngines.WeakHashPartitioning;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dataflow and skew suites test themselves: each broken engine must fail the clause it breaks. */
class DataflowSelfTest {

  static Stream<Arguments> brokenEngines() {
    return Stream.of(
        Arguments.of(new EvaluatesTwice(), LAZY),
        Arguments.of(new SortsWithinPartitions(), RESULT_EQUALS_ORACLE),
        Arguments.of(new CoalesceShuffles(), PARTITIONS),
        Arguments.of(new NoMapSideCombine(), REDUCE_VS_GROUP),
        Arguments.of(new BroadcastAsShuffle(), JOIN),
        Arguments.of(new IgnoresCache(), CACHE),
        Arguments.of(new SavesInPlace(), FAILURE),
        Arguments.of(new KeepsPartitionerThroughMap(), SALTING_SAME_RESULT),
        Arguments.of(new WeakHashPartitioning(), SALTING_LOAD_BOUND),
        Arguments.of(new NeverSplitsSkew(), JOIN_SPLIT),
        Arguments.of(new DistinctWithinPartitions(), DISTINCT_HASH_SALT),
        Arguments.of(new DistinctWithinPartitions(), RESULT_EQUALS_ORACLE),
        Arguments.of(new DropsLastColumnarTable(), RESULT_EQUALS_ORACLE),
        Arguments.of(new FoldsEveryLongMergeAsSum(), RESULT_EQUALS_ORACLE));
  }

  @ParameterizedTest(name = "{1} catches {0}")
  @MethodSource("brokenEngines")
  void brokenEngineFailsItsClause(DataflowEngine broken, String clause) throws Exception {
    try (broken) {
      SelfTest.assertFails(broken, clause);
    }
  }

  @Test
  void everyClauseHasABrokenEngineThatFailsIt() {
    SelfTest.assertCoversEveryClause(Topic.DATAFLOW, brokenEngines().map(a -> (String) a.get()[1]));
  }

  @Test
  void anHonestEngineIsNotFailedByTheSameRunner() throws Exception {
    try (ParallelDataflow engine = new ParallelDataflow(2)) {
      assertThat(SelfTest.statusOf(engine, SALTING_SAME_RESULT)).isEqualTo(ClauseStatus.PASSED);
      assertThat(SelfTest.statusOf(engine, JOIN_SPLIT)).isEqualTo(ClauseStatus.PASSED);
    }
    assertThat(SelfTest.statusOf(new SequentialDataflow(), JOIN_SPLIT)).isEqualTo(ClauseStatus.UNSUPPORTED);
  }
}
