package org.bigdatalab.mapreduce.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.mapreduce.MapReduceClauses.BAD_INPUT;
import static org.bigdatalab.mapreduce.MapReduceClauses.COMBINER_TRANSPARENT;
import static org.bigdatalab.mapreduce.MapReduceClauses.COMMIT_ATOMIC;
import static org.bigdatalab.mapreduce.MapReduceClauses.COUNTERS;
import static org.bigdatalab.mapreduce.MapReduceClauses.INPUT_DFS_EQUALS_LOCAL;
import static org.bigdatalab.mapreduce.MapReduceClauses.PARTITIONER_RESPECTED;
import static org.bigdatalab.mapreduce.MapReduceClauses.RESULT_EQUALS_ORACLE;
import static org.bigdatalab.mapreduce.MapReduceClauses.RETRY_FAILED_ATTEMPT_INVISIBLE;
import static org.bigdatalab.mapreduce.MapReduceClauses.SHUFFLE_ONE_REDUCER_PER_KEY;
import static org.bigdatalab.mapreduce.MapReduceClauses.SORT_KEYS_ORDERED;
import static org.bigdatalab.mapreduce.MapReduceClauses.SORT_SECONDARY;
import static org.bigdatalab.mapreduce.MapReduceClauses.SPLITS_EXACTLY_ONCE;

import java.util.stream.Stream;
import org.bigdatalab.mapreduce.MapReduceEngine;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.CombinesTwice;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.DropsLastLineOfSplit;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.HidesFailedAttempts;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.IgnoresGroupingComparator;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.IgnoresPartitioner;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.IgnoresSortComparator;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.LeavesPartialOutput;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.MiscountsReduceInput;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.ReadsBlocksAlone;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.ReportsOffsetsAsLines;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.ScansUtf8AsAscii;
import org.bigdatalab.mapreduce.reference.BrokenMapReduceEngines.SkipsTheSort;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The MapReduce suite tests itself: each broken engine must fail the clause it breaks. */
class MapReduceSelfTest {

  static Stream<Arguments> brokenEngines() {
    return Stream.of(
        Arguments.of(new DropsLastLineOfSplit(), SPLITS_EXACTLY_ONCE),
        Arguments.of(new DropsLastLineOfSplit(), RESULT_EQUALS_ORACLE),
        Arguments.of(new CombinesTwice(), COMBINER_TRANSPARENT),
        Arguments.of(new IgnoresPartitioner(), PARTITIONER_RESPECTED),
        Arguments.of(new IgnoresSortComparator(), SORT_KEYS_ORDERED),
        Arguments.of(new IgnoresGroupingComparator(), SORT_SECONDARY),
        Arguments.of(new SkipsTheSort(), SHUFFLE_ONE_REDUCER_PER_KEY),
        Arguments.of(new MiscountsReduceInput(), COUNTERS),
        Arguments.of(new LeavesPartialOutput(), COMMIT_ATOMIC),
        Arguments.of(new HidesFailedAttempts(), RETRY_FAILED_ATTEMPT_INVISIBLE),
        Arguments.of(new ReportsOffsetsAsLines(), BAD_INPUT),
        Arguments.of(new ReadsBlocksAlone(), INPUT_DFS_EQUALS_LOCAL),
        Arguments.of(new ScansUtf8AsAscii(), RESULT_EQUALS_ORACLE));
  }

  @ParameterizedTest(name = "{1} catches {0}")
  @MethodSource("brokenEngines")
  void brokenEngineFailsItsClause(MapReduceEngine broken, String clause) {
    SelfTest.assertFails(broken, clause);
  }

  @Test
  void everyClauseHasABrokenEngineThatFailsIt() {
    SelfTest.assertCoversEveryClause(Topic.MAPREDUCE, brokenEngines().map(a -> (String) a.get()[1]));
  }

  @Test
  void anHonestEngineIsNotFailedByTheSameRunner() {
    assertThat(SelfTest.statusOf(new SequentialMapReduce(), COMBINER_TRANSPARENT)).isEqualTo(ClauseStatus.PASSED);
  }
}
