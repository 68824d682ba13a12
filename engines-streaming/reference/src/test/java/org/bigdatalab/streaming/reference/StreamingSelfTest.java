package org.bigdatalab.streaming.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bigdatalab.streaming.StreamingClauses.BAD_INPUT;
import static org.bigdatalab.streaming.StreamingClauses.EVENT_TIME;
import static org.bigdatalab.streaming.StreamingClauses.EXACTLY_ONCE;
import static org.bigdatalab.streaming.StreamingClauses.LATENESS_ALLOWED;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_Q11;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_Q5;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_Q7;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_Q8;
import static org.bigdatalab.streaming.StreamingClauses.NEXMARK_STATELESS;
import static org.bigdatalab.streaming.StreamingClauses.ORDER_INSENSITIVE;
import static org.bigdatalab.streaming.StreamingClauses.SESSION_EQUALS_ORACLE;
import static org.bigdatalab.streaming.StreamingClauses.SESSION_MERGE;
import static org.bigdatalab.streaming.StreamingClauses.SLIDING_EQUALS_ORACLE;
import static org.bigdatalab.streaming.StreamingClauses.TUMBLING_EQUALS_ORACLE;
import static org.bigdatalab.streaming.StreamingClauses.WATERMARK_MONOTONIC;

import java.util.stream.Stream;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.LateData;
import org.bigdatalab.streaming.StreamingEngine;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.CountsLateEvents;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.DropsLateSilently;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.FiresInArrivalOrder;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.FiresOneEarly;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.IgnoresAllowedLateness;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.LosesLastPartialBatch;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.NegativeRemainderTumbling;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.ReplaysWithoutDedup;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.SessionsNeverMerge;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.ReordersTypedBatch;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.SkipsBadInputSilently;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.TypedBatchWatermarkFirst;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.SlidingMissesFirstWindow;
import org.bigdatalab.streaming.reference.BrokenStreamingEngines.WallClockTime;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The streaming suite tests itself: each broken engine must fail the clause it breaks. */
class StreamingSelfTest {

  static Stream<Arguments> brokenEngines() {
    return Stream.of(
        Arguments.of(new NegativeRemainderTumbling(), TUMBLING_EQUALS_ORACLE),
        Arguments.of(new SlidingMissesFirstWindow(), SLIDING_EQUALS_ORACLE),
        Arguments.of(new SessionsNeverMerge(), SESSION_EQUALS_ORACLE),
        Arguments.of(new SessionsNeverMerge(), SESSION_MERGE),
        Arguments.of(new FiresInArrivalOrder(), ORDER_INSENSITIVE),
        Arguments.of(new FiresOneEarly(), WATERMARK_MONOTONIC),
        Arguments.of(new DropsLateSilently(), LATENESS_ALLOWED),
        Arguments.of(new IgnoresAllowedLateness(), LATENESS_ALLOWED),
        Arguments.of(new WallClockTime(), EVENT_TIME),
        Arguments.of(new ReplaysWithoutDedup(), EXACTLY_ONCE),
        Arguments.of(new SkipsBadInputSilently(), BAD_INPUT),
        Arguments.of(new LosesLastPartialBatch(), NEXMARK_STATELESS),
        Arguments.of(new SlidingMissesFirstWindow(), NEXMARK_Q5),
        Arguments.of(new FiresInArrivalOrder(), NEXMARK_Q7),
        Arguments.of(new FiresInArrivalOrder(), NEXMARK_Q8),
        Arguments.of(new SessionsNeverMerge(), NEXMARK_Q11),
        Arguments.of(new TypedBatchWatermarkFirst(), TUMBLING_EQUALS_ORACLE),
        Arguments.of(new TypedBatchWatermarkFirst(), NEXMARK_Q5),
        Arguments.of(new ReordersTypedBatch(), NEXMARK_STATELESS));
  }

  @ParameterizedTest(name = "{1} catches {0}")
  @MethodSource("brokenEngines")
  void brokenEngineFailsItsClause(StreamingEngine broken, String clause) throws Exception {
    try (broken) {
      SelfTest.assertFails(broken, clause);
    }
  }

  @Test
  void everyClauseHasABrokenEngineThatFailsIt() {
    SelfTest.assertCoversEveryClause(Topic.STREAMING, brokenEngines().map(a -> (String) a.get()[1]));
  }

  @Test
  void anHonestEngineIsNotFailedByTheSameRunner() throws Exception {
    try (ParallelStreaming engine = new ParallelStreaming(2)) {
      assertThat(SelfTest.statusOf(engine, EXACTLY_ONCE)).isEqualTo(ClauseStatus.PASSED);
      assertThat(SelfTest.statusOf(engine, WATERMARK_MONOTONIC)).isEqualTo(ClauseStatus.PASSED);
    }
    assertThat(SelfTest.statusOf(new SequentialStreaming(), EVENT_TIME)).isEqualTo(ClauseStatus.PASSED);
  }

  /** The spec allows two behaviours for events beyond the lateness; the engine's declaration picks the one asserted. */
  @Test
  void anEngineWithoutSideOutputPassesByCountingLateEvents() {
    CountsLateEvents engine = new CountsLateEvents();
    assertThat(engine.lateData()).isEqualTo(LateData.COUNTED_DROP);
    assertThat(SelfTest.statusOf(engine, StreamingClauses.LATENESS_ALLOWED)).isEqualTo(ClauseStatus.PASSED);
  }
}
