package org.bigdatalab.streaming.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingClauses;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.Windows;
import org.bigdatalab.suite.matrix.ClauseStatus;
import org.bigdatalab.suite.matrix.SelfTest;
import org.junit.jupiter.api.Test;

/** The adapter's own checks (the clauses themselves run in {@link FlinkStreamingConformanceTest}): declared gaps stay unsupported, a failing user function fails the run, remote is refused. */
class FlinkStreamingSelfTest {

  @Test
  void declaredGapsAreReportedUnsupportedNotPassed() throws Exception {
    try (FlinkStreaming engine = new FlinkStreaming()) {
      assertThat(SelfTest.statusOf(engine, StreamingClauses.EXACTLY_ONCE)).isEqualTo(ClauseStatus.UNSUPPORTED);
    }
  }

  @Test
  void aThrowingUserFunctionFailsTheRun() throws Exception {
    StreamingJob<String, Long, Long> job = StreamingJob.of("throws", line -> line, line -> {
      throw new IllegalStateException("key function broke");
    }, line -> 0L, Windows.tumbling(10), Aggregate.count());
    try (FlinkStreaming engine = new FlinkStreaming()) {
      assertThatThrownBy(() -> engine.run(job, ScriptedSource.ofLines(List.of("a"))))
          .isInstanceOf(StreamingFailedException.class).hasMessageContaining("key function broke");
    }
  }

  @Test
  void aRemoteClusterIsRefused() {
    assertThatThrownBy(() -> new FlinkStreaming(EngineOptions.parse(List.of("jobmanager.address=host"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("embedded MiniCluster");
  }
}
