package org.bigdatalab.streaming.flink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.bigdatalab.spi.BadRecordException;
import org.bigdatalab.spi.EngineOptions;
import org.bigdatalab.streaming.Aggregate;
import org.bigdatalab.streaming.RunOptions;
import org.bigdatalab.streaming.ScriptedSource;
import org.bigdatalab.streaming.StreamingFailedException;
import org.bigdatalab.streaming.StreamingJob;
import org.bigdatalab.streaming.StreamingResult;
import org.bigdatalab.streaming.Windows;
import org.junit.jupiter.api.Test;

/** The adapter's own checks (the clauses themselves run in {@link FlinkStreamingConformanceTest}): a crash restores exactly once, a failing user function fails the run, a remote cluster gives the same output. */
class FlinkStreamingSelfTest {

  /**
   * A pinned crash: checkpoints after steps 2 and 4, a crash before step 5 (the click "2,a", too
   * late by then), a restore from the checkpoint after step 4. The restored run emits what the
   * uncrashed one does, each result once, and the too-late click meets the same watermark, 25, not
   * the minimum a restored Flink job starts from (the restored source re-announces it).
   */
  @Test
  void aCrashRestoresTheLastCheckpointAndEmitsEachResultOnce() throws Exception {
    StreamingJob<String, Long, Long> job = StreamingJob.of("count", line -> line, line -> line.split(",")[1],
        line -> Long.parseLong(line.split(",")[0]), Windows.tumbling(10), Aggregate.<String>count());
    ScriptedSource source = ScriptedSource.ofLines(List.of("1,a", "3,b", "4,a", "12,a", "25,b", "2,a", "27,a", "31,b"));
    try (FlinkStreaming engine = new FlinkStreaming()) {
      StreamingResult<Long> clean = engine.run(job, source);
      StreamingResult<Long> crashed = engine.run(job, source, RunOptions.crashing(2, 5));
      assertThat(clean.restarts()).isZero();
      assertThat(crashed.restarts()).isEqualTo(1);
      assertThat(crashed.results()).containsExactlyInAnyOrderElementsOf(clean.results()).hasSize(6);
      assertThat(crashed.late()).isEqualTo(clean.late()).singleElement()
          .satisfies(l -> assertThat(l.watermark()).isEqualTo(25));
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

  /**
   * The remote path (REST submission, outputs through Flink's collect sink, restarts through an
   * accumulator, watermarks recomputed from the script), against a MiniCluster's REST endpoint in
   * this JVM: no run is opened in {@link Runs}, so nothing can come back through it.
   */
  @Test
  void aRemoteClusterGivesTheEmbeddedResultsThroughTheCollectSink() throws Exception {
    StreamingJob<String, Long, Long> job = StreamingJob.of("count", FlinkStreamingSelfTest::withComma, line -> line.split(",")[1],
        line -> Long.parseLong(line.split(",")[0]), Windows.tumbling(10), Aggregate.<String>count());
    ScriptedSource source = ScriptedSource.ofLines(List.of("1,a", "3,b", "4,a", "12,a", "25,b", "2,a", "27,a", "31,b", "x"));
    MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration.Builder().setNumTaskManagers(1)
        .setNumSlotsPerTaskManager(2).withRandomPorts().build());
    cluster.start();
    try (FlinkStreaming embedded = new FlinkStreaming();
         FlinkStreaming remote = new FlinkStreaming(EngineOptions.parse(List.of(
             "rest.address=" + cluster.getRestAddress().get().getHost(), "rest.port=" + cluster.getRestAddress().get().getPort())))) {
      RunOptions crash = RunOptions.crashing(2, 5);
      StreamingResult<Long> expected = embedded.run(job, source, crash);
      StreamingResult<Long> actual = remote.run(job, source, crash);
      assertThat(actual.restarts()).isEqualTo(1);
      assertThat(actual.results()).containsExactlyInAnyOrderElementsOf(expected.results()).hasSize(6);
      assertThat(actual.late()).isEqualTo(expected.late());
      assertThat(actual.deadLetters()).isEqualTo(expected.deadLetters()).hasSize(1);
      assertThat(actual.watermarks()).isEqualTo(expected.watermarks());
    } finally {
      cluster.closeAsync().get();
    }
  }

  @Test
  void aJobManagerAddressWithoutRestEndpointIsRefused() {
    assertThatThrownBy(() -> new FlinkStreaming(EngineOptions.parse(List.of("jobmanager.address=host"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rest.address");
  }

  private static String withComma(String line) {
    if (!line.contains(",")) {
      throw new BadRecordException("line", "expected time,key");
    }
    return line;
  }
}
