package org.bigdatalab.lambda.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.lambda.KappaClauses.REPLAY_EQUALS_LIVE;
import static org.bigdatalab.lambda.KappaClauses.REPROCESS_SWITCH_ATOMIC;
import static org.bigdatalab.lambda.LambdaClauses.BATCH_OVERRIDES_SPEED;
import static org.bigdatalab.lambda.LambdaClauses.SERVING_EQUALS_RECOMPUTE;

import java.util.stream.Stream;
import org.bigdatalab.lambda.PipelineEngine;
import org.bigdatalab.lambda.reference.BrokenPipelines.BoundaryByTime;
import org.bigdatalab.lambda.reference.BrokenPipelines.ExposesHalfBuiltView;
import org.bigdatalab.lambda.reference.BrokenPipelines.KeepsRealtimeAfterBatch;
import org.bigdatalab.lambda.reference.BrokenPipelines.ResumesAfterCommitted;
import org.bigdatalab.spi.EngineRegistry;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Lambda and Kappa suites test themselves: each broken pipeline must fail the clause it breaks. */
class PipelineSelfTest {

  static Stream<Arguments> brokenPipelines() {
    return Stream.of(
        Arguments.of(new BoundaryByTime(), SERVING_EQUALS_RECOMPUTE),
        Arguments.of(new KeepsRealtimeAfterBatch(), BATCH_OVERRIDES_SPEED),
        Arguments.of(new ResumesAfterCommitted(), REPLAY_EQUALS_LIVE),
        Arguments.of(new ExposesHalfBuiltView(), REPROCESS_SWITCH_ATOMIC));
  }

  @ParameterizedTest(name = "{1} catches {0}")
  @MethodSource("brokenPipelines")
  void brokenPipelineFailsItsClause(PipelineEngine broken, String clause) throws Exception {
    try (broken) {
      SelfTest.assertFails(broken, clause);
    }
  }

  @Test
  void everyClauseHasABrokenPipelineThatFailsIt() {
    SelfTest.assertCoversEveryClause(Topic.LAMBDA, brokenPipelines().map(a -> (String) a.get()[1]));
  }

  /** Each combination is an engine row of its own, its id naming its parts, found by the one registry. */
  @Test
  void theCombinationsAreRegisteredUnderIdsThatNameTheirParts() {
    assertThat(EngineRegistry.load().engines(Topic.LAMBDA)).extracting(i -> i.id()).containsExactlyInAnyOrder(
        "lambda:df-sequential+stream-sequential+log-memory", "lambda:df-parallel+stream-parallel+log-local");
  }
}
