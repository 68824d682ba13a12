package org.bigdatalab.streaming.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.streams.processor.TimestampExtractor;
import org.apache.kafka.streams.processor.WallclockTimestampExtractor;
import org.bigdatalab.spi.EngineInfo;
import org.bigdatalab.spi.Topic;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.suite.matrix.ClauseResult;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;

/**
 * The seed's Kafka Streams bug, reproduced with Kafka's own {@link WallclockTimestampExtractor}:
 * the event-time clause must fail it, and the honest adapter must pass the same check.
 */
class KafkaStreamsSelfTest {

  /** The seed's example: record time is the wall clock when the record is processed. */
  static final class WallClockKafkaStreams extends KafkaStreamsEngine {
    @Override
    public EngineInfo info() {
      return EngineInfo.builder("broken-kafka-wall-clock", Topic.STREAMING).kind(EngineInfo.Kind.BROKEN)
          .description("Kafka Streams with WallclockTimestampExtractor").build();
    }

    @Override
    protected <T> TimestampExtractor timestampExtractor(StreamingJob<T, ?, ?> job, long offset, String flushLine) {
      return new WallclockTimestampExtractor();
    }
  }

  @Test
  void wallClockTimestampsFailTheEventTimeClause() {
    ClauseResult result = SelfTest.run(new WallClockKafkaStreams(), StreamingClauses.EVENT_TIME);
    assertThat(result.status()).as(result.detail()).isEqualTo(ClauseStatus.FAILED);
    assertThat(result.detail()).contains(StreamingClauses.EVENT_TIME);
  }

  @Test
  void eventTimestampsPassIt() {
    assertThat(SelfTest.statusOf(new KafkaStreamsEngine(), StreamingClauses.EVENT_TIME)).isEqualTo(ClauseStatus.PASSED);
  }

  @Test
  void declaredGapsAreReportedUnsupportedNotPassed() {
    assertThat(SelfTest.statusOf(new KafkaStreamsEngine(), StreamingClauses.EXACTLY_ONCE)).isEqualTo(ClauseStatus.UNSUPPORTED);
  }
}
